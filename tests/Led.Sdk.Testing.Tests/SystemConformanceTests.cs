using Led.Abstractions.Systems;
using Led.Sdk.Testing;
using Xunit.Sdk;

namespace Led.Sdk.Testing.Tests;

/// <summary>The kit's system checks fail for systems that break the contract.</summary>
public sealed class SystemConformanceTests
{
    [Fact]
    public void ASystemThatIgnoresItsSeedFails() =>
        Assert.ThrowsAny<XunitException>(new Kit(Fault.Unseeded).TheSameSeedGivesTheSameTrajectory);

    [Fact]
    public void ASystemWhoseLiftLosesTheStateFails() =>
        Assert.ThrowsAny<XunitException>(new Kit(Fault.LossyLift).LiftingAnObservedStateObservesItBack);

    [Fact]
    public void ASystemThatTakesOneStepPerCallFails() =>
        Assert.ThrowsAny<XunitException>(new Kit(Fault.OneStepPerCall).AdvancingSeveralMicroStepsAtOnceEqualsSingleSteps);

    [Fact]
    public void ASystemThatLeavesPartOfTheObservableUnwrittenFails() =>
        Assert.ThrowsAny<XunitException>(new Kit(Fault.ShortObserve).ObserveWritesExactlyTheObservableSize);

    [Fact]
    public void ACorrectSystemPassesEveryCheck()
    {
        var kit = new Kit(Fault.None);
        kit.TheSameSeedGivesTheSameTrajectory();
        kit.LiftingAnObservedStateObservesItBack();
        kit.AdvancingSeveralMicroStepsAtOnceEqualsSingleSteps();
        kit.ObserveWritesExactlyTheObservableSize();
    }

    private enum Fault { None, Unseeded, LossyLift, OneStepPerCall, ShortObserve }

    private sealed class Kit(Fault fault) : SystemConformance
    {
        protected override IDynamicalSystem CreateSystem() => new Decay(fault);

        protected override double MicroStep => 0.01;
    }

    /// <summary>x' = −x per component, by explicit Euler at δt = 0.01, observed every Δt = 0.1; each fault breaks one rule.</summary>
    private sealed class Decay(Fault fault) : IDynamicalSystem
    {
        public SystemDescription Description { get; } = new(["x"], [3], [3.0], 0.1, false);

        public IMicroSimulation Start(ulong seed)
        {
            var random = fault == Fault.Unseeded ? new Random() : new Random((int)seed);
            return new Simulation(fault, [random.NextDouble(), random.NextDouble(), random.NextDouble()], 0);
        }

        public IMicroSimulation Lift(ReadOnlySpan<double> observable, double time) =>
            new Simulation(fault, fault == Fault.LossyLift ? [observable[0], 0, 0] : observable.ToArray(), time);

        private sealed class Simulation(Fault fault, double[] x, double time) : IMicroSimulation
        {
            public double Time { get; private set; } = time;

            public void Advance(double duration)
            {
                long steps = fault == Fault.OneStepPerCall ? 1 : (long)Math.Round(duration / 0.01);
                for (long s = 0; s < steps; s++)
                    for (int i = 0; i < x.Length; i++) x[i] -= 0.01 * x[i];
                Time += duration;
            }

            public void Observe(Span<double> observable) => x.AsSpan(0, fault == Fault.ShortObserve ? 2 : 3).CopyTo(observable);

            public void Dispose() { }
        }
    }
}
