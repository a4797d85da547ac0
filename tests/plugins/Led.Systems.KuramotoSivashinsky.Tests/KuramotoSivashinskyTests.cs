namespace Led.Systems.KuramotoSivashinsky.Tests;

public class KuramotoSivashinskyTests
{
    private static double[] Observe(Led.Abstractions.Systems.IMicroSimulation simulation, int n)
    {
        var u = new double[n];
        simulation.Observe(u);
        return u;
    }

    [Fact]
    public void Describes_one_periodic_channel_on_the_grid()
    {
        var description = new KuramotoSivashinsky(new KuramotoSivashinskyOptions()).Description;
        Assert.Equal(["u"], description.Channels);
        Assert.Equal([64], description.Grid);
        Assert.Equal([22.0], description.Extent);
        Assert.Equal(0.25, description.CoarseTimeStep);
        Assert.True(description.Periodic);
        Assert.Equal([1, 64], description.Shape);
    }

    [Fact]
    public void The_initial_condition_is_uniform_noise_of_the_given_amplitude()
    {
        var system = new KuramotoSivashinsky(new KuramotoSivashinskyOptions());
        var u0 = system.InitialCondition(7);
        Assert.All(u0, x => Assert.InRange(x, -0.005, 0.005));
        Assert.True(u0.Max() - u0.Min() > 0.008, "64 uniform draws span most of the interval");
        var doubled = new KuramotoSivashinsky(new KuramotoSivashinskyOptions { InitialAmplitude = 0.02 }).InitialCondition(7);
        Assert.Equal(u0.Select(x => 2 * x), doubled);

        using var simulation = system.Start(7);
        Assert.Equal(0.0, simulation.Time);
        var observed = Observe(simulation, 64);
        for (int j = 0; j < 64; j++) Assert.Equal(u0[j], observed[j], 1e-16);
    }

    [Fact]
    public void The_same_seed_gives_a_bit_identical_trajectory_and_another_seed_does_not()
    {
        var system = new KuramotoSivashinsky(new KuramotoSivashinskyOptions());
        using var a = system.Start(42);
        using var b = system.Start(42);
        using var c = system.Start(43);
        for (int i = 0; i < 40; i++)
        {
            a.Advance(0.25);
            b.Advance(0.25);
            c.Advance(0.25);
        }
        Assert.Equal(10.0, a.Time, 1e-12);
        var (ua, ub, uc) = (Observe(a, 64), Observe(b, 64), Observe(c, 64));
        Assert.Equal(ua, ub);
        Assert.True(ua.Zip(uc, (x, y) => Math.Abs(x - y)).Max() > 1e-4, "different seeds must give different states");
    }

    [Fact]
    public void Lifting_is_the_identity()
    {
        var system = new KuramotoSivashinsky(new KuramotoSivashinskyOptions());
        using var original = system.Start(3);
        original.Advance(20);
        var u = Observe(original, 64);
        using var lifted = system.Lift(u, original.Time);
        Assert.Equal(20.0, lifted.Time, 1e-12);
        var back = Observe(lifted, 64);
        for (int j = 0; j < 64; j++) Assert.Equal(u[j], back[j], 1e-14);
        // Continuing from the lifted state follows the original (round-off only).
        original.Advance(1);
        lifted.Advance(1);
        Assert.Equal(21.0, lifted.Time, 1e-12);
        var (x, y) = (Observe(original, 64), Observe(lifted, 64));
        Assert.True(x.Zip(y, (p, q) => Math.Abs(p - q)).Max() < 1e-11);
    }

    [Fact]
    public void Advancing_by_a_fraction_of_the_micro_step_is_refused()
    {
        var system = new KuramotoSivashinsky(new KuramotoSivashinskyOptions());
        using var simulation = system.Start(1);
        Assert.Throws<ArgumentException>(() => simulation.Advance(1e-4));
        Assert.Throws<ArgumentException>(() => simulation.Advance(-0.25));
        Assert.Throws<ArgumentException>(() => system.Lift(new double[63], 0));
        Assert.Throws<ArgumentException>(() => simulation.Observe(new double[65]));
    }

    [Fact]
    public void The_attractor_spans_about_plus_minus_three()
    {
        // Reference data (12000 time units at δt = 2.5e-4): min −3.086, max 3.088. Here the reference's own
        // step over 300 time units after a 100-unit transient.
        var system = new KuramotoSivashinsky(new KuramotoSivashinskyOptions());
        using var simulation = system.Start(1);
        simulation.Advance(100);
        var u = new double[64];
        double min = double.MaxValue, max = double.MinValue;
        for (int i = 0; i < 1200; i++)
        {
            simulation.Advance(0.25);
            simulation.Observe(u);
            min = Math.Min(min, u.Min());
            max = Math.Max(max, u.Max());
        }
        Assert.InRange(min, -3.5, -1);
        Assert.InRange(max, 1, 3.5);
        Assert.True(Math.Max(-min, max) > 2.5, $"range [{min:F3}, {max:F3}] never reached |u| > 2.5");
    }
}
