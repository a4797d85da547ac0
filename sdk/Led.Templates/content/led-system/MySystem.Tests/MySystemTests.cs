using Xunit;

namespace MySystem.Tests;

/// <summary>Checks of this system's own physics.</summary>
public sealed class MySystemTests
{
    /// <summary>x_k = F for every k is a fixed point of Lorenz-96: it stays there to round-off.</summary>
    [Fact]
    public void TheUniformStateIsAFixedPoint()
    {
        var system = new MySystem(new MySystemOptions { Forcing = 8 });
        using var simulation = system.Lift(Enumerable.Repeat(8.0, 8).ToArray(), 0);
        simulation.Advance(1.0);
        var state = new double[8];
        simulation.Observe(state);
        Assert.All(state, x => Assert.Equal(8.0, x, 1e-12));
    }

    /// <summary>RK4 is fourth order: halving δt divides the error after a fixed time by about 16.</summary>
    [Fact]
    public void HalvingTheMicroStepDividesTheErrorBySixteen()
    {
        double[] Run(double dt)
        {
            var system = new MySystem(new MySystemOptions { MicroStep = dt, CoarseStep = 0.04 });
            using var simulation = system.Start(3);
            simulation.Advance(0.4);
            var state = new double[8];
            simulation.Observe(state);
            return state;
        }
        var reference = Run(0.000625);
        double Error(double dt) => Run(dt).Zip(reference, (a, b) => Math.Abs(a - b)).Max();
        double ratio = Error(0.02) / Error(0.01);
        Assert.InRange(ratio, 13, 19);
    }
}
