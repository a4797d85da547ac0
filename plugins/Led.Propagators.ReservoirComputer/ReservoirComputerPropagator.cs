using Led.Abstractions.Learning;
using Led.Toolkit.Systems;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using static TorchSharp.torch;

namespace Led.Propagators.ReservoirComputer;

/// <summary>
/// A reservoir computer (reference-spec §3.4): a fixed sparse random <see cref="Reservoir"/> driven by the latents, and a
/// linear read-out ẑ_{t+Δt} = W_out aug(h_t) (no bias; aug squares the even-indexed entries of h) fitted in closed form
/// by ridge regression, W_out = (YᵀH)(HᵀH + βI)⁺, from HᵀH and YᵀH accumulated over the training trajectories after
/// each one's wash-out. <see cref="Forward"/> runs the reservoir through <c>[B, T, d_z]</c> in order, carrying h in the
/// state. The reservoir is drawn from torch's generator at construction (seeded by the run) and saved with the model.
/// </summary>
public sealed class ReservoirComputerPropagator : ILatentPropagator, IFittable, IFastLatentStepSource
{
    private const string Format = "led-reservoir-computer-v1";
    private readonly ReservoirComputerOptions _options;
    private readonly int _latentDim;
    private readonly ulong _noiseSeed;
    private readonly ILogger _log;
    private Reservoir _reservoir;
    private double[]? _readout;

    /// <exception cref="ArgumentException">Invalid options.</exception>
    public ReservoirComputerPropagator(ReservoirComputerOptions options, LatentSpace latent, ILogger<ReservoirComputerPropagator>? log = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _log = (ILogger?)log ?? NullLogger.Instance;
        ArgumentNullException.ThrowIfNull(latent);
        options.ThrowIfInvalid();
        (_options, _latentDim) = (options, latent.Dim);
        int size = latent.Dim * (int)Math.Ceiling(options.Size / (double)latent.Dim);
        using var seeds = randint(0, int.MaxValue, [4], dtype: ScalarType.Int64);
        var s = seeds.data<long>().ToArray();
        _noiseSeed = (ulong)s[2] << 31 | (ulong)s[3];
        _reservoir = Reservoir.Random(latent.Dim, size, options.Degree, options.Radius, options.InputScaling, options.LeakRate, (ulong)s[0] << 31 | (ulong)s[1]);
    }

    /// <summary>Reservoir units N (the configured size rounded up to a multiple of d_z).</summary>
    public int Size => _reservoir.Size;

    /// <summary>The fitted read-out W_out, <c>[d_z, N]</c> row-major; empty before <see cref="Fit"/> or <see cref="Load"/>.</summary>
    public IReadOnlyList<double> Readout => _readout ?? [];

    /// <summary>Training pairs (reservoir state, next latent) the last <see cref="Fit"/> used.</summary>
    public long FittedSamples { get; private set; }

    internal Reservoir Reservoir => _reservoir;

    public PropagatorState Start(int batchSize) => new ReservoirState(batchSize, _reservoir.Size);

    public Tensor Forward(PropagatorState state, Tensor latents)
    {
        if (state is not ReservoirState s || s.Size != _reservoir.Size)
            throw new ArgumentException("state was not created by this reservoir computer", nameof(state));
        if (latents.dim() != 3 || latents.shape[2] != _latentDim || latents.shape[0] != s.BatchSize)
            throw new ArgumentException($"expected latents [{s.BatchSize}, T, {_latentDim}], got [{string.Join(", ", latents.shape)}]");
        var readout = Fitted();
        int batch = (int)latents.shape[0], steps = (int)latents.shape[1], n = _reservoir.Size, dz = _latentDim;
        using var scope = NewDisposeScope();
        var x = latents.detach().cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray();
        var output = new double[x.Length];
        var scratch = new double[n];
        for (int b = 0; b < batch; b++)
        {
            var h = s.Values.AsSpan(b * n, n);
            for (int t = 0; t < steps; t++)
            {
                int at = (b * steps + t) * dz;
                _reservoir.Advance(h, x.AsSpan(at, dz), scratch);
                ReadOut(readout, h, scratch, output.AsSpan(at, dz));
            }
        }
        return tensor(output, [batch, steps, dz]).to(latents.dtype).to(latents.device).MoveToOuterDisposeScope();
    }

    /// <summary>The reservoir and the fitted read-out for one trajectory on plain arrays (the same arithmetic as <see cref="Forward"/>).</summary>
    public IFastLatentStep CompileStep() => new ReservoirFastStep(_reservoir, (double[])Fitted().Clone());

    /// <summary>
    /// Drives the reservoir from h = 0 through each training trajectory <c>[T, d_z]</c> (inputs perturbed by the configured
    /// noise), discards the first <see cref="ReservoirComputerOptions.WashOut"/> states, pairs each later state with the
    /// next latent and solves the ridge regression for the read-out. Logs the reservoir's size and spectral radius, β and
    /// the read-out's root-mean-square training residual.
    /// </summary>
    /// <exception cref="ArgumentException">A trajectory is not <c>[T, d_z]</c>, or no trajectory is longer than the wash-out.</exception>
    public void Fit(FitData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int n = _reservoir.Size, dz = _latentDim, washOut = _options.WashOut;
        using var scope = NewDisposeScope();
        var hth = zeros(n, n, dtype: ScalarType.Float64);
        var yth = zeros(dz, n, dtype: ScalarType.Float64);
        double yty = 0;
        var noise = new SplitMix64(_noiseSeed);
        long samples = 0;
        var h = new double[n];
        var scratch = new double[n];
        var input = new double[dz];
        foreach (var trajectory in data.Training)
        {
            if (trajectory.dim() != 2 || trajectory.shape[1] != dz)
                throw new ArgumentException($"expected training trajectories [T, {dz}], got [{string.Join(", ", trajectory.shape)}]");
            var z = trajectory.detach().cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray();
            int length = z.Length / dz, kept = Math.Max(0, length - 1 - washOut);
            if (kept == 0) continue;
            var features = new double[kept * n];
            Array.Clear(h);
            for (int t = 0; t < length - 1; t++)
            {
                for (int d = 0; d < dz; d++) input[d] = z[t * dz + d] + (_options.Noise > 0 ? _options.Noise * Gaussian(ref noise) : 0);
                _reservoir.Advance(h, input, scratch);
                if (t >= washOut) Reservoir.Augment(h, features.AsSpan((t - washOut) * n, n));
            }
            var states = tensor(features, [kept, n]);
            var targets = tensor(z.AsSpan((washOut + 1) * dz, kept * dz).ToArray(), [kept, dz]);
            hth.add_(states.t().matmul(states));
            yth.add_(targets.t().matmul(states));
            yty += targets.square().sum().item<double>();
            samples += kept;
        }
        if (samples == 0)
            throw new ArgumentException($"no training trajectory is longer than the wash-out of {washOut} steps plus one");
        var regularised = hth + _options.Regularization * eye(n, dtype: ScalarType.Float64);
        var readout = yth.matmul(linalg.pinv(regularised, hermitian: true));
        _readout = readout.contiguous().data<double>().ToArray();
        FittedSamples = samples;
        // ‖Y − W Hᵀ‖² = ‖Y‖² − 2⟨W, YᵀH⟩ + ⟨W HᵀH, W⟩, from the accumulated products
        double squares = yty - 2 * (readout * yth).sum().item<double>() + (readout.matmul(hth) * readout).sum().item<double>();
        TrainingResidual = Math.Sqrt(Math.Max(squares, 0) / (samples * dz));
        _log.LogInformation("fitted the read-out: {Size} units (degree {Degree}, spectral radius {Radius:G6}, input scaling {Sigma}), ridge β {Beta}, " +
                            "{Samples} training pairs after a wash-out of {WashOut}, RMS training residual {Residual:E3} (scaled latent units)",
            n, _options.Degree, Reservoir.SpectralRadius(_reservoir.RowStart.ToArray(), _reservoir.Columns.ToArray(), _reservoir.Values.ToArray(), n),
            _options.InputScaling, _options.Regularization, samples, washOut, TrainingResidual);
    }

    /// <summary>Root-mean-square one-step error of the read-out on the pairs the last <see cref="Fit"/> used (NaN before).</summary>
    public double TrainingResidual { get; private set; } = double.NaN;

    public void Save(Stream stream)
    {
        var readout = Fitted();
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Format);
        writer.Write(_latentDim);
        writer.Write(_reservoir.Size);
        writer.Write(_reservoir.Leak ?? 0.0);
        writer.Write(_reservoir.Columns.Length);
        foreach (var v in _reservoir.RowStart) writer.Write(v);
        foreach (var v in _reservoir.Columns) writer.Write(v);
        foreach (var v in _reservoir.Values) writer.Write(v);
        foreach (var v in _reservoir.InputWeights) writer.Write(v);
        foreach (var v in readout) writer.Write(v);
    }

    public void Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Format) throw new InvalidDataException("not a saved reservoir computer");
        int dz = reader.ReadInt32(), size = reader.ReadInt32();
        double leak = reader.ReadDouble();
        if (dz != _latentDim || size != _reservoir.Size)
            throw new InvalidDataException($"saved reservoir computer has d_z = {dz} and {size} units; this one is configured for d_z = {_latentDim} and {_reservoir.Size}");
        if (leak != (_options.LeakRate ?? 0.0))
            throw new InvalidDataException($"saved reservoir computer has leak rate {leak}; this one is configured for {_options.LeakRate ?? 0.0}");
        int count = reader.ReadInt32();
        var rowStart = Read(size + 1, reader.ReadInt32);
        var columns = Read(count, reader.ReadInt32);
        var values = Read(count, reader.ReadDouble);
        var inputWeights = Read(size, reader.ReadDouble);
        var readout = Read(dz * size, reader.ReadDouble);
        _reservoir = new Reservoir(dz, rowStart, columns, values, inputWeights, _options.LeakRate);
        _readout = readout;
    }

    /// <summary>output = W_out aug(h); <paramref name="features"/> holds N values.</summary>
    internal static void ReadOut(double[] readout, ReadOnlySpan<double> h, Span<double> features, Span<double> output)
    {
        int n = h.Length;
        Reservoir.Augment(h, features);
        for (int d = 0; d < output.Length; d++) output[d] = TensorPrimitives.Dot(readout.AsSpan(d * n, n), features);
    }

    private static T[] Read<T>(int count, Func<T> read)
    {
        var values = new T[count];
        for (int i = 0; i < count; i++) values[i] = read();
        return values;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Gaussian(ref SplitMix64 random)
    {
        double u = 1 - random.NextDouble(), v = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    private double[] Fitted() =>
        _readout ?? throw new InvalidOperationException("the reservoir computer has not been fitted: call Fit (training) or Load (a trained model) first");
}
