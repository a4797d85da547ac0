using Led.Abstractions.Systems;
using Led.Toolkit.Systems;

namespace Led.Systems.KuramotoSivashinsky;

/// <summary>
/// The Kuramoto–Sivashinsky system (reference KSGP64L22): one channel u on N periodic nodes of [0, L), advanced by
/// ETDRK4 micro steps and observed every coarse step. Lifting is the identity.
/// </summary>
public sealed class KuramotoSivashinsky : IDynamicalSystem, IScoredSystem
{
    private readonly KuramotoSivashinskyOptions _options;

    /// <summary>A system with validated <paramref name="options"/>; throws <see cref="ArgumentException"/> listing every error otherwise.</summary>
    public KuramotoSivashinsky(KuramotoSivashinskyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        _options = options;
        Description = new SystemDescription(["u"], [options.GridPoints], [options.Length], options.CoarseStep, Periodic: true);
    }

    /// <inheritdoc />
    public SystemDescription Description { get; }

    /// <summary>MNAD over the whole field (the paper's KS metric).</summary>
    public string HeadlineMetric => "mnad";

    /// <summary>The joint density of (u_x, u_xx) (the paper's Fig. 3c–d).</summary>
    public IReadOnlyList<string> DefaultMetrics => ["UxUxxDensity"];

    /// <summary>The options the system was built with.</summary>
    public KuramotoSivashinskyOptions Options => _options;

    /// <summary>The random initial condition of <paramref name="seed"/>: a·(U(0,1) − ½) i.i.d. per node, SplitMix64 stream.</summary>
    public double[] InitialCondition(ulong seed)
    {
        var rng = new SplitMix64(seed);
        var u0 = new double[_options.GridPoints];
        for (int j = 0; j < u0.Length; j++) u0[j] = _options.InitialAmplitude * (rng.NextDouble() - 0.5);
        return u0;
    }

    /// <summary>A solver with the options' grid, micro step and contour.</summary>
    public EtdRk4Solver CreateSolver() =>
        new(_options.Length, _options.GridPoints, _options.MicroStep, _options.ContourPoints);

    /// <inheritdoc />
    public IMicroSimulation Start(ulong seed) => new KuramotoSivashinskySimulation(CreateSolver(), InitialCondition(seed), 0.0);

    /// <inheritdoc />
    public IMicroSimulation Lift(ReadOnlySpan<double> observable, double time)
    {
        if (observable.Length != _options.GridPoints)
            throw new ArgumentException($"expected {_options.GridPoints} values of u, got {observable.Length}", nameof(observable));
        return new KuramotoSivashinskySimulation(CreateSolver(), observable, time);
    }
}
