using Led.Abstractions.Systems;
using Xunit.Abstractions;

namespace Led.Systems.CylinderFlow.Tests;

public class CylinderFlowTests(ITestOutputHelper output)
{
    private static CylinderFlow Coarse(LateralBoundary? lateral = null, double reynolds = 100) =>
        new(new CylinderFlowOptions { Nx = 128, Ny = 64, Reynolds = reynolds, LateralBoundary = lateral });

    [Fact]
    public void Describes_four_channels_on_the_cell_centres()
    {
        var description = Coarse().Description;
        Assert.Equal(["p", "u_x", "u_y", "omega"], description.Channels);
        Assert.Equal([64, 128], description.Grid);
        Assert.Equal([5.0, 10.0], description.Extent);
        Assert.Equal(0.2, description.CoarseTimeStep);
        Assert.False(description.Periodic);
        Assert.Equal([4, 64, 128], description.Shape);
    }

    [Theory]
    [InlineData(LateralBoundary.FreeSlip)]
    [InlineData(LateralBoundary.PressureDirichlet)]
    public void The_velocity_is_divergence_free_after_every_step(LateralBoundary lateral)
    {
        using var simulation = Coarse(lateral).Start(3);
        double worst = simulation.Solver.MaxDivergence();
        for (int s = 0; s < 200; s++)
        {
            simulation.Step();
            worst = Math.Max(worst, simulation.Solver.MaxDivergence());
        }
        output.WriteLine($"{lateral}: max |div u| over 200 steps {worst:E2}");
        Assert.True(worst < 1e-10, $"max |div u| = {worst:E2}");
    }

    [Fact]
    public void The_same_seed_gives_a_bit_identical_trajectory_and_another_seed_does_not()
    {
        var system = Coarse();
        var observed = new double[3][];
        ulong[] seeds = [5, 5, 6];
        for (int k = 0; k < 3; k++)
        {
            using var simulation = system.Start(seeds[k]);
            simulation.Advance(2.0);
            Assert.Equal(2.0, simulation.Time, 1e-12);
            observed[k] = new double[system.Description.Size];
            simulation.Observe(observed[k]);
        }
        Assert.Equal(observed[0], observed[1]);
        Assert.True(observed[0].Zip(observed[2], (a, b) => Math.Abs(a - b)).Max() > 1e-3, "another seed gives another perturbation");
    }

    [Fact]
    public void The_result_does_not_depend_on_the_thread_count()
    {
        var one = new CylinderFlow(new CylinderFlowOptions { Nx = 128, Ny = 64, Threads = 1 });
        var two = new CylinderFlow(new CylinderFlowOptions { Nx = 128, Ny = 64, Threads = 2 });
        using var a = one.Start(9);
        using var b = two.Start(9);
        a.Advance(1.0);
        b.Advance(1.0);
        var (sa, sb) = (new double[one.Description.Size], new double[two.Description.Size]);
        a.Observe(sa);
        b.Observe(sb);
        Assert.Equal(sa, sb);
        Assert.Equal(a.DragCoefficient, b.DragCoefficient);
    }

    [Fact]
    public void Lifting_a_non_solenoidal_field_returns_a_divergence_free_one()
    {
        var system = Coarse();
        int nx = 128, ny = 64, n = nx * ny;
        double h = 10.0 / nx;
        var state = new double[4 * n];
        var rng = new Random(17);
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                double x = (i + 0.5) * h, y = (j + 0.5) * h;
                // A source-like, strongly divergent field plus noise: ∇·u = O(1).
                state[n + j * nx + i] = 1 + 0.5 * Math.Sin(x) + 0.1 * (rng.NextDouble() - 0.5);
                state[2 * n + j * nx + i] = 0.5 * Math.Cos(y) * Math.Sin(2 * x) + 0.1 * (rng.NextDouble() - 0.5);
            }
        using var lifted = system.Lift(state, 7.4);
        Assert.Equal(7.4, lifted.Time);
        double divergence = lifted.Solver.MaxDivergence();
        output.WriteLine($"after lifting: max |div u| = {divergence:E2}");
        Assert.True(divergence < 1e-10, $"max |div u| = {divergence:E2}");
        var observed = new double[4 * n];
        lifted.Observe(observed);
        // The projection removes only the gradient part: away from the boundaries the field stays close to the input.
        double meanU = 0;
        for (int c = 0; c < n; c++) meanU += observed[n + c] / n;
        Assert.InRange(meanU, 0.9, 1.1);
        lifted.Advance(0.2);
        Assert.True(lifted.Solver.MaxDivergence() < 1e-10);
        Assert.Equal(7.6, lifted.Time, 1e-12);
        Assert.Throws<ArgumentException>(() => system.Lift(new double[n], 0));
    }

    [Fact]
    public void Lifting_an_observed_state_continues_the_same_flow()
    {
        var system = Coarse();
        using var reference = system.Start(2);
        reference.Advance(4.0);
        var state = new double[system.Description.Size];
        reference.Observe(state);
        using var lifted = system.Lift(state, reference.Time);
        reference.Advance(0.4);
        lifted.Advance(0.4);
        var (a, b) = (new double[state.Length], new double[state.Length]);
        reference.Observe(a);
        lifted.Observe(b);
        int n = state.Length / 4;
        double error = 0, scale = 0;
        for (int c = n; c < 3 * n; c++)
        {
            error = Math.Max(error, Math.Abs(a[c] - b[c]));
            scale = Math.Max(scale, Math.Abs(a[c]));
        }
        output.WriteLine($"lifted vs continued: max velocity difference {error:E2} of max {scale:F2}");
        // Centre averaging smooths the field (a second-order interpolation error at D/h = 12.8).
        Assert.True(error < 0.02 * scale, $"difference {error:E2}");
    }

    [Fact]
    public void A_short_run_past_the_cylinder_gives_finite_fields_and_a_sane_drag()
    {
        var system = Coarse();
        using var simulation = system.Start(1);
        simulation.Advance(10.0);
        double sumCd = 0, sumCl = 0;
        int count = 0;
        var probe = new List<double>();
        while (simulation.Time < 25.0 - 1e-9)
        {
            simulation.Step();
            sumCd += simulation.DragCoefficient;
            sumCl += simulation.LiftCoefficient;
            probe.Add(simulation.WakeProbe);
            count++;
        }
        double meanCd = sumCd / count, meanCl = sumCl / count;
        output.WriteLine($"t ∈ [10, 25], 128 × 64 LED-like, Re 100: mean C_d {meanCd:F3}, mean C_l {meanCl:F3}, probe range [{probe.Min():F3}, {probe.Max():F3}]");
        // The 10D × 5D box has blockage 0.2 and D/h = 12.8: the prototype gave C_d ≈ 2.1 there.
        Assert.InRange(meanCd, 1.5, 2.6);
        Assert.InRange(meanCl, -0.5, 0.5);
        var state = new double[system.Description.Size];
        simulation.Observe(state);
        Assert.All(state, x => Assert.True(double.IsFinite(x)));
        int n = state.Length / 4;
        // The cylinder is at rest (|u| ≪ U inside), the far field moves at about U.
        int centre = 32 * 128 + 32;
        Assert.InRange(Math.Abs(state[n + centre]), 0, 0.05);
        Assert.InRange(state[n + 32 * 128 + 5], 0.9, 1.1);
        var mask = system.Mask();
        Assert.Equal(1.0, mask[centre]);
        Assert.Equal(0.0, mask[0]);
        Assert.InRange(mask.Sum() * (10.0 / 128) * (10.0 / 128), Math.PI / 4 * 0.9, Math.PI / 4 * 1.1);
    }

    [Fact]
    public void The_interface_methods_return_the_concrete_simulation()
    {
        IDynamicalSystem system = Coarse();
        using var simulation = system.Start(1);
        Assert.IsType<CylinderFlowSimulation>(simulation);
        Assert.Throws<ArgumentException>(() => simulation.Advance(0.2 + 1e-4));
    }
}
