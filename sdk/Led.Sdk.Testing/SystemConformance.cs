using Led.Abstractions.Systems;
using Xunit;

namespace Led.Sdk.Testing;

/// <summary>
/// What every system plugin must do. Inherit it in the plugin's tests and implement <see cref="CreateSystem"/> and
/// <see cref="MicroStep"/>; the inherited facts then run as the class's own tests.
/// </summary>
public abstract class SystemConformance
{
    /// <summary>A system with the options under test (small enough that a few coarse steps take well under a second).</summary>
    protected abstract IDynamicalSystem CreateSystem();

    /// <summary>The system's micro (solver) time step δt; the coarse step Δt must be a multiple of it.</summary>
    protected abstract double MicroStep { get; }

    /// <summary>The seed of the initial conditions drawn by the checks.</summary>
    protected virtual ulong Seed => 20221010;

    /// <summary>
    /// Largest absolute difference allowed between a state and the same state reached another way (several micro steps
    /// at once against one at a time; an observed state lifted and observed again). Zero demands bit-identity.
    /// </summary>
    protected virtual double Tolerance => 1e-12;

    /// <summary>Observed states after each of <paramref name="coarseSteps"/> coarse steps.</summary>
    private static double[][] Trajectory(IMicroSimulation simulation, double dt, int size, int coarseSteps)
    {
        var states = new double[coarseSteps][];
        for (int k = 0; k < coarseSteps; k++)
        {
            simulation.Advance(dt);
            states[k] = new double[size];
            simulation.Observe(states[k]);
        }
        return states;
    }

    /// <summary>The same seed gives the same trajectory, bit for bit.</summary>
    [Fact]
    public void TheSameSeedGivesTheSameTrajectory()
    {
        var system = CreateSystem();
        var d = system.Description;
        using var first = system.Start(Seed);
        using var second = CreateSystem().Start(Seed);
        var a = Trajectory(first, d.CoarseTimeStep, d.Size, 3);
        var b = Trajectory(second, d.CoarseTimeStep, d.Size, 3);
        for (int k = 0; k < a.Length; k++) Assert.Equal(a[k], b[k]);
    }

    /// <summary>
    /// <see cref="IMicroSimulation.Observe"/> writes exactly <see cref="SystemDescription.Size"/> finite values (nothing
    /// past them), at the start and after a coarse step, and the description's shape multiplies to that size.
    /// </summary>
    [Fact]
    public void ObserveWritesExactlyTheObservableSize()
    {
        var system = CreateSystem();
        var d = system.Description;
        Assert.True(d.Size > 0, "the observable is empty");
        Assert.Equal(d.Size, d.Shape.Aggregate(1, (p, n) => p * n));
        Assert.True(d.CoarseTimeStep > 0 && double.IsFinite(d.CoarseTimeStep), $"coarse time step {d.CoarseTimeStep}");
        using var simulation = system.Start(Seed);
        foreach (bool advance in new[] { false, true })
        {
            if (advance) simulation.Advance(d.CoarseTimeStep);
            var buffer = Enumerable.Repeat(double.NaN, d.Size + 8).ToArray();
            simulation.Observe(buffer.AsSpan(0, d.Size));
            Assert.All(buffer.Take(d.Size), v => Assert.True(double.IsFinite(v), "Observe left a value unwritten or non-finite"));
            Assert.All(buffer.Skip(d.Size), v => Assert.True(double.IsNaN(v), "Observe wrote past the observable's size"));
        }
    }

    /// <summary>
    /// The coarse step is a whole number of micro steps, and advancing k micro steps at once gives the state and time of
    /// k single micro steps.
    /// </summary>
    [Fact]
    public void AdvancingSeveralMicroStepsAtOnceEqualsSingleSteps()
    {
        var system = CreateSystem();
        var d = system.Description;
        double ratio = d.CoarseTimeStep / MicroStep;
        Assert.True(Math.Abs(ratio - Math.Round(ratio)) < 1e-9 * ratio, $"Δt = {d.CoarseTimeStep} is not a multiple of δt = {MicroStep}");
        int k = (int)Math.Min(Math.Round(ratio), 8);
        using var atOnce = system.Start(Seed);
        using var oneByOne = CreateSystem().Start(Seed);
        double t0 = atOnce.Time;
        atOnce.Advance(k * MicroStep);
        for (int i = 0; i < k; i++) oneByOne.Advance(MicroStep);
        Assert.Equal(t0 + k * MicroStep, atOnce.Time, 1e-12 * Math.Max(1, Math.Abs(atOnce.Time)));
        Assert.Equal(atOnce.Time, oneByOne.Time, 1e-12 * Math.Max(1, Math.Abs(atOnce.Time)));
        AssertClose(Observe(atOnce, d.Size), Observe(oneByOne, d.Size), "k micro steps at once against one at a time");
    }

    /// <summary>Lifting an observed state starts a simulation at that time that observes the same state.</summary>
    [Fact]
    public void LiftingAnObservedStateObservesItBack()
    {
        var system = CreateSystem();
        var d = system.Description;
        using var simulation = system.Start(Seed);
        simulation.Advance(d.CoarseTimeStep);
        var state = Observe(simulation, d.Size);
        using var lifted = system.Lift(state, simulation.Time);
        Assert.Equal(simulation.Time, lifted.Time, 1e-12 * Math.Max(1, Math.Abs(simulation.Time)));
        AssertClose(state, Observe(lifted, d.Size), "lift then observe");
    }

    private static double[] Observe(IMicroSimulation simulation, int size)
    {
        var state = new double[size];
        simulation.Observe(state);
        return state;
    }

    private void AssertClose(double[] expected, double[] actual, string what)
    {
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = Math.Abs(expected[i] - actual[i]);
            if (e > worst || double.IsNaN(e)) (worst, at) = (double.IsNaN(e) ? double.PositiveInfinity : e, i);
        }
        Assert.True(worst <= Tolerance, $"{what}: value {at} differs by {worst:E3} (tolerance {Tolerance:E1})");
    }
}
