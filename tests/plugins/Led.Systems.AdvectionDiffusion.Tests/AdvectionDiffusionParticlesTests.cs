using Led.Abstractions.Observables;

namespace Led.Systems.AdvectionDiffusion.Tests;

/// <summary>
/// Validation of the particle system against closed forms and the Fokker–Planck equation. Every statistical check uses a
/// fixed seed and a tolerance derived from the sampling error, stated next to it.
/// </summary>
public class AdvectionDiffusionParticlesTests
{
    private static AdvectionDiffusionParticles System(int particles, double diffusion, bool reflective, double[]? amplitude = null, double[]? frequency = null) =>
        new(new AdvectionDiffusionParticlesOptions
        {
            Particles = particles, Diffusion = diffusion, Reflective = reflective,
            Amplitude = amplitude ?? [0, 0, 0], Frequency = frequency ?? [0.2, 1.0, 0.5],
        });

    [Fact]
    public void TheObservableIsAPointSetInTheBoxWithTheCoarseStep()
    {
        var system = new AdvectionDiffusionParticles(new AdvectionDiffusionParticlesOptions());
        var points = Assert.IsType<PointSetObservable>(system.Description.Observable);
        Assert.Equal([1000, 3], points.Shape);
        Assert.Equal(["x", "y", "z"], points.Dimensions);
        Assert.Equal((-0.5, 0.5), points.FixedBounds(1));
        Assert.Equal(1.0, system.Description.CoarseTimeStep);
        Assert.Null(System(10, 0.1, reflective: false).Description.Observable.FixedBounds(0));
    }

    [Fact]
    public void EveryRunStartsAtTheOriginAtTimeZero()
    {
        using var sim = new AdvectionDiffusionParticles(new AdvectionDiffusionParticlesOptions()).StartSimulation(3);
        var frame = new double[3000];
        sim.Observe(frame);
        Assert.All(frame, v => Assert.Equal(0.0, v));
        Assert.Equal(0.0, sim.Time);
        sim.Advance(1.0);
        Assert.Equal(100UL, sim.MicroSteps);
        Assert.Equal(1.0, sim.Time, 1e-12);
    }

    [Fact]
    public void WithoutWallsOrDriftThePerAxisVarianceIsDTimesT()
    {
        // 20000 particles × 3 axes about the known mean 0: the relative standard error of mean(x²) is √(2/60000) = 0.0058;
        // tolerance 4 standard errors. The mean's standard error is √(D t/60000) = 0.0013; tolerance 4 of them.
        const double d = 0.05, t = 2.0;
        using var sim = System(20000, d, reflective: false).StartSimulation(17);
        sim.Advance(t);
        double sum = 0, squares = 0;
        for (int a = 0; a < 3; a++)
            foreach (double x in sim.Axis(a)) { sum += x; squares += x * x; }
        double mean = sum / 60000, variance = squares / 60000;
        Assert.InRange(variance / (d * t), 1 - 4 * Math.Sqrt(2.0 / 60000), 1 + 4 * Math.Sqrt(2.0 / 60000));
        Assert.InRange(mean, -4 * Math.Sqrt(d * t / 60000), 4 * Math.Sqrt(d * t / 60000));
    }

    [Fact]
    public void WithWallsAtLongTimesTheMarginalsAreUniform()
    {
        // Slowest decaying mode e^{−κπ²t/L²}, κ = D/2: e^{−15} at t = 60. Kolmogorov–Smirnov against U(−0.5, 0.5) per axis,
        // 2000 particles: the statistic must stay below the α = 0.01 critical value 1.628/√N = 0.0364; the variance must be
        // 1/12 within 4 standard errors (√(1/180 − 1/144)/√N·… for a uniform: sd of x² is 1/√180 ≈ 0.0745, /√2000 → 0.0017).
        const int n = 2000;
        using var sim = System(n, 0.05, reflective: true).StartSimulation(5);
        sim.Advance(60);
        for (int a = 0; a < 3; a++)
        {
            var x = sim.Axis(a).ToArray();
            Array.Sort(x);
            double ks = 0;
            for (int i = 0; i < n; i++)
            {
                double cdf = x[i] + 0.5;
                ks = Math.Max(ks, Math.Max((i + 1.0) / n - cdf, cdf - (double)i / n));
            }
            Assert.True(ks < 1.628 / Math.Sqrt(n), $"axis {a}: KS statistic {ks:F4} ≥ {1.628 / Math.Sqrt(n):F4}");
            double variance = x.Sum(v => v * v) / n;
            Assert.InRange(variance, 1.0 / 12 - 4 * 0.0745 / Math.Sqrt(n), 1.0 / 12 + 4 * 0.0745 / Math.Sqrt(n));
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(5.3)]
    public void WithDriftOnlyTheMeanFollowsTheIntegratedVelocityAndALiftKeepsThePhase(double t0)
    {
        // x(t) − x(t₀) = Σ_k δt A cos(ω t_k), a left Riemann sum of (A/ω)(sin ωt − sin ωt₀): it agrees with the sum to
        // round-off and with the integral to δt·|A| (the sum's error is ≤ δt|A|/2·|cos ωt₀ − cos ωt| + O(δt²)).
        double[] amplitude = [1.0, 1.74, 0.0], omega = [0.2, 1.0, 0.5];
        var system = System(4, 0, reflective: false, amplitude, omega);
        using var sim = system.LiftSimulation(new double[12], t0);
        const double duration = 7.0, dt = 0.01;
        sim.Advance(duration);
        for (int a = 0; a < 3; a++)
        {
            double sum = 0;
            for (int k = 0; k < 700; k++) sum += dt * amplitude[a] * Math.Cos(omega[a] * (t0 + k * dt));
            double closed = amplitude[a] / omega[a] * (Math.Sin(omega[a] * (t0 + duration)) - Math.Sin(omega[a] * t0));
            foreach (double x in sim.Axis(a))
            {
                Assert.Equal(sum, x, 1e-12);
                Assert.Equal(closed, x, dt * Math.Max(amplitude[a], 1e-300));
            }
        }
        Assert.All(sim.Axis(2).ToArray(), z => Assert.Equal(0.0, z));
    }

    [Fact]
    public void NoParticleEverLeavesTheBoxEvenWhenAStepCrossesItSeveralTimes()
    {
        // Drift of up to 3 box lengths per micro step: several wall crossings in one step.
        var system = System(501, 0.2, reflective: true, [300, -250, 120], [3, 7, 1]);
        using var sim = system.StartSimulation(9);
        for (int k = 0; k < 200; k++)
        {
            sim.Advance(0.01);
            for (int a = 0; a < 3; a++)
                foreach (double x in sim.Axis(a)) Assert.InRange(x, -0.5, 0.5);
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameRunBitForBitAndAnotherSeedAnotherRun()
    {
        var system = new AdvectionDiffusionParticles(new AdvectionDiffusionParticlesOptions { Particles = 101 });
        double[] Run(ulong seed)
        {
            using var sim = system.Start(seed);
            sim.Advance(3);
            var frame = new double[303];
            sim.Observe(frame);
            return frame;
        }
        Assert.Equal(Run(4), Run(4));
        Assert.NotEqual(Run(4), Run(5));
    }

    [Fact]
    public void ALiftFoldsOutsidePointsIntoTheBoxAndIsReproducible()
    {
        var system = new AdvectionDiffusionParticles(new AdvectionDiffusionParticlesOptions { Particles = 2 });
        double[] points = [0.7, -0.2, 0.1, -2.3, 0.4, 0.0];
        using var lifted = system.LiftSimulation(points, 12.0);
        var frame = new double[6];
        lifted.Observe(frame);
        Assert.Equal([0.3, -0.2, 0.1, -0.3, 0.4, 0.0], frame.Select(v => Math.Round(v, 12)));
        Assert.Equal(12.0, lifted.Time);

        double[] Advanced()
        {
            using var sim = system.Lift(points, 12.0);
            sim.Advance(1);
            var f = new double[6];
            sim.Observe(f);
            return f;
        }
        Assert.Equal(Advanced(), Advanced());
        Assert.Throws<ArgumentException>(() => system.Lift(new double[5], 0));
        Assert.Throws<ArgumentException>(() => system.Lift([double.NaN, 0, 0, 0, 0, 0], 0));
    }

    [Fact]
    public void TheHistogramApproachesTheFokkerPlanckDensityAsTheParticleCountGrows()
    {
        // Per axis (independent), 20 bins on [−0.5, 0.5] at t = 1.5 with the default D, drift and walls. Sampling error of
        // the L1 distance Σ_b |q_b − P_b|: E ≈ Σ_b √(2 P_b (1 − P_b)/(π N)) (half-normal bin errors). Each L1 must be
        // within 2E + 0.01, and the mean over the axes must fall from N = 500 to 4000 to 32000.
        // The micro step is 0.001: the drift presses the cloud against a wall into a layer of width κ/|a| ≈ 0.015–0.03,
        // which the reference's δt = 0.01 (noise 0.022 per step) does not resolve; there the scheme's O(δt) weak error
        // gives L1 ≈ 0.07 (x) and 0.11 (y) at t = 3 whatever N. At δt = 0.001 the remaining bias is ≈ 0.008 (x).
        const double dt = 0.001;
        const int bins = 20;
        double[] amplitude = [1.0, 1.74, 0.0], omega = [0.2, 1.0, 0.5];
        var exact = new double[3][];
        for (int a = 0; a < 3; a++)
        {
            var fp = new FokkerPlanck1D(200, -0.5, 1.0, 0.05);
            fp.Run(1500, dt, amplitude[a], omega[a], substeps: 4);
            exact[a] = fp.BinProbabilities(bins);
            Assert.Equal(1.0, exact[a].Sum(), 1e-12);
        }
        var means = new List<double>();
        foreach (int n in new[] { 500, 4000, 32000 })
        {
            var system = new AdvectionDiffusionParticles(new AdvectionDiffusionParticlesOptions { Particles = n, MicroStep = dt });
            using var sim = system.StartSimulation(21);
            sim.Advance(1.5);
            double total = 0;
            for (int a = 0; a < 3; a++)
            {
                var counts = new double[bins];
                foreach (double x in sim.Axis(a)) counts[Math.Min(bins - 1, (int)((x + 0.5) * bins))]++;
                double l1 = 0, expected = 0;
                for (int b = 0; b < bins; b++)
                {
                    l1 += Math.Abs(counts[b] / n - exact[a][b]);
                    expected += Math.Sqrt(2 * exact[a][b] * (1 - exact[a][b]) / (Math.PI * n));
                }
                Assert.True(l1 <= 2 * expected + 0.01, $"N = {n}, axis {a}: L1 {l1:F4} > 2·{expected:F4} + 0.01");
                total += l1;
            }
            means.Add(total / 3);
        }
        Assert.True(means[0] > means[1] && means[1] > means[2], $"L1 by N: {string.Join(", ", means.Select(m => m.ToString("F4")))}");
    }
}
