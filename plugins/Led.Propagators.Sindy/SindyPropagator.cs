using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace Led.Propagators.Sindy;

/// <summary>
/// SINDy (reference-spec §3.4, <c>dimred_sindy.py</c>): a continuous-time model dz/dt = Ξ Θ(z) over a polynomial library
/// Θ, identified from the training latent trajectories by <see cref="Stlsq"/> against their time derivatives
/// (<see cref="FiniteDifference"/> at Δt), optionally after cubic interpolation to Δt/k (<see cref="CubicSpline"/>) and
/// Savitzky–Golay smoothing (<see cref="SavitzkyGolay"/>), and forecast by integrating it with adaptive Dormand–Prince
/// (<see cref="DormandPrince45"/>): <see cref="Forward"/> output t is input t integrated over one Δt, so a forecast
/// starts from the last true warm-up state. The identified equations are in <see cref="Equations"/>, in the run's log,
/// in the saved model and beside it as <c>sindy_equations.txt</c>.
/// </summary>
public sealed class SindyPropagator : ILatentPropagator, IFittable, IFastLatentStepSource, IModelSummary
{
    private const string Format = "led-sindy-v1";
    private readonly SindyOptions _options;
    private readonly PolynomialLibrary _library;
    private readonly ILogger _log;
    private double[]? _coefficients;
    private SindyDynamics? _dynamics;

    /// <summary>With the system, whose coarse time step is Δt unless <see cref="SindyOptions.TimeStep"/> is set.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public SindyPropagator(SindyOptions options, LatentSpace latent, SystemDescription system, ILogger<SindyPropagator>? log = null)
        : this(options, latent, options?.TimeStep ?? system?.CoarseTimeStep, log)
    {
    }

    /// <summary>Without the system: <see cref="SindyOptions.TimeStep"/> must be set.</summary>
    /// <exception cref="ArgumentException">Invalid options, or no time step.</exception>
    public SindyPropagator(SindyOptions options, LatentSpace latent, ILogger<SindyPropagator>? log = null) : this(options, latent, options?.TimeStep, log)
    {
    }

    private SindyPropagator(SindyOptions? options, LatentSpace latent, double? timeStep, ILogger? log)
    {
        _log = log ?? NullLogger.Instance;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(latent);
        options.ThrowIfInvalid();
        (_options, TimeStep) = (options, SindyOptions.StepOrThrow(timeStep));
        _library = new PolynomialLibrary(latent.Dim, options.Degree, options.Bias);
    }

    /// <summary>Δt: the finite-difference step and the span of each forecast step.</summary>
    public double TimeStep { get; }

    /// <summary>The library's terms, e.g. <c>1</c>, <c>x0</c>, <c>x0 x1</c>.</summary>
    public IReadOnlyList<string> Terms => _library.Names;

    /// <summary>The identified coefficients Ξ, <c>[d_z, terms]</c> row-major; empty before <see cref="Fit"/> or <see cref="Load"/>.</summary>
    public IReadOnlyList<double> Coefficients => _coefficients ?? [];

    /// <summary>The identified equations, one line per latent dimension: <c>(x0)' = -10.000 x0 + 10.000 x1</c>; empty before fitting.</summary>
    public string Equations => _coefficients is null ? "" : _library.Equations(_coefficients);

    public string SummaryFileName => "sindy_equations.txt";

    public string Summary => Equations;

    public PropagatorState Start(int batchSize) => new SindyState();

    public Tensor Forward(PropagatorState state, Tensor latents)
    {
        if (state is not SindyState) throw new ArgumentException("state was not created by this Sindy propagator", nameof(state));
        int dz = _library.Variables;
        if (latents.dim() != 3 || latents.shape[2] != dz)
            throw new ArgumentException($"expected latents [B, T, {dz}], got [{string.Join(", ", latents.shape)}]");
        var dynamics = Dynamics();
        using var scope = NewDisposeScope();
        var x = latents.detach().cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray();
        for (int at = 0; at < x.Length; at += dz) dynamics.Advance(x.AsSpan(at, dz));
        return tensor(x, latents.shape).to(latents.dtype).to(latents.device).MoveToOuterDisposeScope();
    }

    /// <summary>The identified model integrated on plain arrays (its own integrator buffers).</summary>
    public IFastLatentStep CompileStep()
    {
        Dynamics();
        return new SindyFastStep(new SindyDynamics(_library, _coefficients!, TimeStep, _options));
    }

    /// <summary>
    /// Identifies the model from the training trajectories <c>[T, d_z]</c>: each is interpolated to Δt/k and smoothed when
    /// configured, differentiated by finite differences, and the library is evaluated at its (processed) samples; one STLSQ
    /// regression per latent dimension. Logs the identified equations.
    /// </summary>
    public void Fit(FitData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int dz = _library.Variables, p = _library.Count, k = _options.InterpolationFactor;
        var rows = new List<double>();
        var derivatives = new List<double>();
        var features = new double[p];
        var (low, high) = (Enumerable.Repeat(double.PositiveInfinity, dz).ToArray(), Enumerable.Repeat(double.NegativeInfinity, dz).ToArray());
        foreach (var trajectory in data.Training)
        {
            if (trajectory.dim() != 2 || trajectory.shape[1] != dz)
                throw new ArgumentException($"expected training trajectories [T, {dz}], got [{string.Join(", ", trajectory.shape)}]");
            var z = Preprocess(trajectory.detach().cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray());
            derivatives.AddRange(FiniteDifference.Derivative(z, dz, TimeStep / k));
            for (int at = 0; at < z.Length; at += dz)
            {
                _library.Evaluate(z.AsSpan(at, dz), features);
                rows.AddRange(features);
                for (int d = 0; d < dz; d++) (low[d], high[d]) = (Math.Min(low[d], z[at + d]), Math.Max(high[d], z[at + d]));
            }
        }
        if (rows.Count == 0) throw new ArgumentException("no training trajectories to fit");
        var constant = Enumerable.Range(0, dz).Where(d => !(high[d] - low[d] > 1e-9 * Math.Max(1, Math.Abs(high[d])))).Select(d => $"x{d}").ToList();
        if (constant.Count > 0)
            _log.LogWarning("{Constant} stay constant in the training data, so the library's terms in them cannot be told from the constant term and " +
                            "their equations are not identified: train on trajectories that excite every latent dimension, or use a smaller latent space",
                string.Join(", ", constant));
        using var scope = NewDisposeScope();
        int n = rows.Count / p;
        var library = tensor(rows.ToArray(), [n, p]);
        var targets = tensor(derivatives.ToArray(), [n, dz]);
        var coefficients = new double[dz * p];
        for (int d = 0; d < dz; d++)
            Stlsq.Fit(library, targets[.., d].contiguous(), _options.Threshold, _options.Alpha, _options.MaxIterations).CopyTo(coefficients, d * p);
        Replace(coefficients);
        int kept = coefficients.Count(c => c != 0);
        _log.LogInformation("identified {Kept} of {Terms} terms from {Samples} samples (degree {Degree}, threshold {Threshold}, Δt/{Factor}, smoothing window {Window}):{NewLine}{Equations}",
            kept, coefficients.Length, n, _options.Degree, _options.Threshold, k, _options.SmootherWindow, Environment.NewLine, Equations);
    }

    /// <summary>The trajectory <c>[T, d_z]</c> cubic-interpolated to Δt/k, then Savitzky–Golay smoothed, as configured.</summary>
    internal double[] Preprocess(double[] z)
    {
        int dz = _library.Variables;
        var refined = CubicSpline.Refine(z, dz, _options.InterpolationFactor);
        return _options.SmootherWindow > 0 ? SavitzkyGolay.Smooth(refined, dz, _options.SmootherWindow, _options.SmootherOrder) : refined;
    }

    /// <summary>Writes the format tag, d_z, the library (degree, bias), Δt, the coefficients and the equations as text.</summary>
    public void Save(Stream stream)
    {
        Dynamics();
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Format);
        writer.Write(_library.Variables);
        writer.Write(_library.Degree);
        writer.Write(_library.Bias);
        writer.Write(TimeStep);
        foreach (var c in _coefficients!) writer.Write(c);
        writer.Write(Equations);
    }

    public void Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Format) throw new InvalidDataException("not a saved SINDy model");
        int dz = reader.ReadInt32(), degree = reader.ReadInt32();
        bool bias = reader.ReadBoolean();
        double timeStep = reader.ReadDouble();
        if (dz != _library.Variables || degree != _library.Degree || bias != _library.Bias)
            throw new InvalidDataException($"saved SINDy model has d_z = {dz}, degree {degree}, bias {bias}; this one is configured for d_z = {_library.Variables}, degree {_library.Degree}, bias {_library.Bias}");
        if (timeStep != TimeStep)
            throw new InvalidDataException($"saved SINDy model was identified at Δt = {timeStep}; this one steps Δt = {TimeStep}");
        var coefficients = new double[dz * _library.Count];
        for (int i = 0; i < coefficients.Length; i++) coefficients[i] = reader.ReadDouble();
        reader.ReadString();                                                   // the equations, regenerated from the coefficients
        Replace(coefficients);
    }

    private void Replace(double[] coefficients)
    {
        _coefficients = coefficients;
        _dynamics = new SindyDynamics(_library, coefficients, TimeStep, _options);
    }

    private SindyDynamics Dynamics() =>
        _dynamics ?? throw new InvalidOperationException("the SINDy model has not been fitted: call Fit (training) or Load (a trained model) first");
}
