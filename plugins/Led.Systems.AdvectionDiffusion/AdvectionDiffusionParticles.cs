using Led.Abstractions.Observables;
using Led.Abstractions.Systems;

namespace Led.Systems.AdvectionDiffusion;

/// <summary>
/// N Brownian particles advected by the oscillating drift A∘cos(ωt) in the reflective box [−L/2, L/2]³ (the reference's
/// AD3D system; kernel and order of operations in <see cref="BrownianStepper"/>, D convention in
/// <see cref="AdvectionDiffusionParticlesOptions"/>). Observable: the point set <c>[N, 3]</c> with the box as scaling
/// bounds (free space: bounds fitted to the data).
/// <para>
/// Every run starts with all particles at the origin at t = 0; its random streams are keyed by the seed. A lift places
/// the given particles (points outside the box are folded in) at the given time, so the drift phase continues, with
/// streams keyed by a hash of the positions and the time: the same lift gives the same run.
/// </para>
/// </summary>
public sealed class AdvectionDiffusionParticles : IDynamicalSystem, IScoredSystem
{
    private static readonly string[] Axes = ["x", "y", "z"];

    /// <summary>A system with validated <paramref name="options"/> (copied).</summary>
    public AdvectionDiffusionParticles(AdvectionDiffusionParticlesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        Options = options.Clone();
        double half = Options.BoxLength / 2;
        var bounds = Options.Reflective ? Enumerable.Repeat((-half, half), 3).ToArray() : null;
        Description = new SystemDescription(new PointSetObservable(Options.Particles, Axes, bounds), Options.CoarseStep);
    }

    /// <summary>The parameters (a copy of those given to the constructor).</summary>
    public AdvectionDiffusionParticlesOptions Options { get; }

    /// <inheritdoc />
    public SystemDescription Description { get; }

    /// <summary>The per-axis Wasserstein-1 distance, averaged over x, y and z (the reference's AD metric).</summary>
    public string HeadlineMetric => "wasserstein";

    /// <summary>None beyond the built-in point-set scores.</summary>
    public IReadOnlyList<string> DefaultMetrics => [];

    /// <inheritdoc />
    public IMicroSimulation Start(ulong seed) => StartSimulation(seed);

    /// <summary><see cref="Start"/> with the concrete simulation type.</summary>
    public AdvectionDiffusionSimulation StartSimulation(ulong seed) =>
        new(Options, new double[3 * Options.Particles], 0.0, seed);

    /// <inheritdoc />
    public IMicroSimulation Lift(ReadOnlySpan<double> observable, double time) => LiftSimulation(observable, time);

    /// <summary><see cref="Lift"/> with the concrete simulation type.</summary>
    public AdvectionDiffusionSimulation LiftSimulation(ReadOnlySpan<double> observable, double time)
    {
        if (observable.Length != 3 * Options.Particles)
            throw new ArgumentException($"expected {Options.Particles} particles × 3 coordinates, got {observable.Length} values", nameof(observable));
        if (!double.IsFinite(time)) throw new ArgumentOutOfRangeException(nameof(time), time, "a finite start time is needed");
        ulong hash = CounterNormals.Mix((ulong)BitConverter.DoubleToInt64Bits(time));
        foreach (double v in observable)
        {
            if (!double.IsFinite(v)) throw new ArgumentException($"a particle coordinate is {v}; positions must be finite", nameof(observable));
            hash = CounterNormals.Mix(hash ^ (ulong)BitConverter.DoubleToInt64Bits(v));
        }
        return new AdvectionDiffusionSimulation(Options, observable, time, hash);
    }
}
