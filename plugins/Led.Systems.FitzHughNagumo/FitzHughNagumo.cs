using Led.Abstractions.Systems;

namespace Led.Systems.FitzHughNagumo;

/// <summary>
/// The FitzHugh–Nagumo activator–inhibitor system on [0, L], simulated by the reference's D1Q3 lattice-Boltzmann scheme
/// (<see cref="LatticeBoltzmannD1Q3"/>). Observable: the densities channel-major, [u(0..N−1), v(0..N−1)], channels
/// <c>["activator", "inhibitor"]</c> (u, v). Time convention: the state after k micro steps is the state at time k·δt
/// (see <see cref="FitzHughNagumoSimulation"/>).
/// <para>
/// Initial conditions need no reference files: a smooth front u = tanh((x − x0)/w) with an inhibitor ramp is run for
/// <see cref="FitzHughNagumoOptions.SpinUpTime"/> onto the limit cycle (period ≈ 186 with the default parameters);
/// <see cref="Start"/> then returns the cycle state at a phase derived from the seed.
/// </para>
/// <para>
/// To reproduce the reference's stored data (its entry k is the state after k + 1 steps, reference-spec §1.2), lift the
/// IC, <c>Advance(δt)</c> once and then <c>Advance(Δt)</c> between samples: sample m is the state after 200·m + 1 steps.
/// With this sampling the six reference ICs give data_min.txt / data_max.txt to 4e−16.
/// </para>
/// </summary>
public sealed class FitzHughNagumo : IDynamicalSystem, IScoredSystem
{
    private readonly Lazy<LatticeBoltzmannD1Q3> _cycleOrigin;
    private readonly Lazy<double> _period;

    /// <summary>A system with validated <paramref name="options"/> (copied).</summary>
    public FitzHughNagumo(FitzHughNagumoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        Options = options.Clone();
        Description = new SystemDescription(["activator", "inhibitor"], [Options.Nodes], [Options.Length], Options.CoarseStep, Periodic: false);
        _cycleOrigin = new Lazy<LatticeBoltzmannD1Q3>(SpinUp, LazyThreadSafetyMode.ExecutionAndPublication);
        _period = new Lazy<double>(() => EstimatePeriod(_cycleOrigin.Value, Options.PeriodEstimationTime, Options.Nodes / 2),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The parameters (a copy of those given to the constructor).</summary>
    public FitzHughNagumoOptions Options { get; }

    /// <inheritdoc />
    public SystemDescription Description { get; }

    /// <summary>MNAD of the inhibitor, the paper's FHN metric (Fig. 2).</summary>
    public string HeadlineMetric => "mnad_inhibitor";

    /// <summary>None beyond the built-in scores.</summary>
    public IReadOnlyList<string> DefaultMetrics => [];

    /// <summary>
    /// The limit-cycle period, measured once (then cached) from the spun-up state over
    /// <see cref="FitzHughNagumoOptions.PeriodEstimationTime"/> at the middle node.
    /// </summary>
    public double LimitCyclePeriod => _period.Value;

    /// <summary>
    /// The cycle state at the phase of <paramref name="seed"/>: the spun-up state advanced by
    /// round(<see cref="PhaseOf"/>(seed)·T/δt) micro steps, T = <see cref="LimitCyclePeriod"/>. The simulation starts at
    /// time 0 and is independent of every other one; the same seed gives the same trajectory bit for bit.
    /// </summary>
    public IMicroSimulation Start(ulong seed) => StartSimulation(seed);

    /// <summary><see cref="Start"/> with the concrete simulation type.</summary>
    public FitzHughNagumoSimulation StartSimulation(ulong seed)
    {
        var solver = new LatticeBoltzmannD1Q3(Options);
        solver.CopyStateFrom(_cycleOrigin.Value);
        solver.Step(PhaseSteps(PhaseOf(seed)));
        return new FitzHughNagumoSimulation(solver, 0.0);
    }

    /// <summary>Lifts a channel-major observable to equilibrium populations, f₊ = f₀ = f₋ = ρ/3, at <paramref name="time"/>.</summary>
    public IMicroSimulation Lift(ReadOnlySpan<double> observable, double time) => LiftSimulation(observable, time);

    /// <summary><see cref="Lift"/> with the concrete simulation type.</summary>
    public FitzHughNagumoSimulation LiftSimulation(ReadOnlySpan<double> observable, double time)
    {
        if (!double.IsFinite(time)) throw new ArgumentOutOfRangeException(nameof(time), time, "a finite start time is needed");
        var solver = new LatticeBoltzmannD1Q3(Options);
        solver.SetEquilibrium(observable);
        return new FitzHughNagumoSimulation(solver, time);
    }

    /// <summary>The phase fraction in [0, 1) a seed selects (SplitMix64 of the seed, top 53 bits).</summary>
    public static double PhaseOf(ulong seed)
    {
        ulong z = seed + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>
    /// The smooth state the limit cycle is reached from: u = tanh((x − x0)/w) and v a linear ramp from
    /// <see cref="FitzHughNagumoOptions.InitialInhibitorLeft"/> to <see cref="FitzHughNagumoOptions.InitialInhibitorRight"/>,
    /// channel-major.
    /// </summary>
    public double[] CreateFrontState()
    {
        int n = Options.Nodes;
        var state = new double[2 * n];
        for (int j = 0; j < n; j++)
        {
            double x = j * Options.GridSpacing, s = (double)j / (n - 1);
            state[j] = Math.Tanh((x - Options.InitialFrontPosition) / Options.InitialFrontWidth);
            state[n + j] = Options.InitialInhibitorLeft + s * (Options.InitialInhibitorRight - Options.InitialInhibitorLeft);
        }
        return state;
    }

    /// <summary>
    /// <paramref name="count"/> snapshots on the limit cycle at the phases firstPhase + k/count (k = 0..count−1) of one
    /// period after the spun-up state, each channel-major. Used to generate initial conditions for data sets, like the
    /// reference's six phase-shifted ICs.
    /// </summary>
    public double[][] GenerateCycleSnapshots(int count, double firstPhase = 0.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!(firstPhase >= 0 && firstPhase < 1))
            throw new ArgumentOutOfRangeException(nameof(firstPhase), firstPhase, "a phase fraction in [0, 1) is needed");
        var solver = new LatticeBoltzmannD1Q3(Options);
        solver.CopyStateFrom(_cycleOrigin.Value);
        var snapshots = new double[count][];
        long taken = 0;
        for (int k = 0; k < count; k++)
        {
            long target = PhaseSteps(firstPhase + (double)k / count);
            solver.Step(target - taken);
            taken = target;
            snapshots[k] = new double[2 * Options.Nodes];
            solver.GetDensities(snapshots[k]);
        }
        return snapshots;
    }

    /// <summary>
    /// The limit-cycle period reached from <paramref name="observable"/>: the mean spacing of the upward zero crossings of
    /// u at <paramref name="node"/> (default: the middle node) over <paramref name="duration"/> after a transient of
    /// <paramref name="transient"/>. Throws when fewer than two crossings occur.
    /// </summary>
    public double EstimatePeriod(ReadOnlySpan<double> observable, double duration, double transient = 0.0, int? node = null)
    {
        var solver = new LatticeBoltzmannD1Q3(Options);
        solver.SetEquilibrium(observable);
        solver.Step(FitzHughNagumoSimulation.MicroSteps(transient, Options.MicroStep));
        return EstimatePeriod(solver, duration, node ?? Options.Nodes / 2);
    }

    /// <summary>
    /// Times (from the start of the window) of the upward zero crossings of u at <paramref name="node"/>, linearly
    /// interpolated between micro steps, over <paramref name="duration"/> from <paramref name="observable"/>.
    /// </summary>
    public double[] UpwardCrossingTimes(ReadOnlySpan<double> observable, double duration, int? node = null)
    {
        var solver = new LatticeBoltzmannD1Q3(Options);
        solver.SetEquilibrium(observable);
        return UpwardCrossingTimes(solver, duration, node ?? Options.Nodes / 2);
    }

    private double EstimatePeriod(LatticeBoltzmannD1Q3 origin, double duration, int node)
    {
        var solver = new LatticeBoltzmannD1Q3(Options);
        solver.CopyStateFrom(origin);
        double[] crossings = UpwardCrossingTimes(solver, duration, node);
        if (crossings.Length < 2)
            throw new InvalidOperationException(
                $"u at node {node} crossed zero upwards {crossings.Length} time(s) in {duration} time units: no oscillation " +
                "to measure (increase the duration, e.g. PeriodEstimationTime, or pick a node the front passes).");
        return (crossings[^1] - crossings[0]) / (crossings.Length - 1);
    }

    private static double[] UpwardCrossingTimes(LatticeBoltzmannD1Q3 solver, double duration, int node)
    {
        if ((uint)node >= (uint)solver.Nodes)
            throw new ArgumentOutOfRangeException(nameof(node), node, $"a node in 0..{solver.Nodes - 1} is needed");
        long steps = FitzHughNagumoSimulation.MicroSteps(duration, solver.MicroStep);
        var crossings = new List<double>();
        double previous = solver.Density(0, node);
        for (long k = 1; k <= steps; k++)
        {
            solver.Step();
            double current = solver.Density(0, node);
            if (previous < 0 && current >= 0)
                crossings.Add((k - 1 + previous / (previous - current)) * solver.MicroStep);
            previous = current;
        }
        return [.. crossings];
    }

    private LatticeBoltzmannD1Q3 SpinUp()
    {
        var solver = new LatticeBoltzmannD1Q3(Options);
        solver.SetEquilibrium(CreateFrontState());
        solver.Step((long)Math.Round(Options.SpinUpTime / Options.MicroStep));
        return solver;
    }

    private long PhaseSteps(double phase) => (long)Math.Round(phase * LimitCyclePeriod / Options.MicroStep);
}
