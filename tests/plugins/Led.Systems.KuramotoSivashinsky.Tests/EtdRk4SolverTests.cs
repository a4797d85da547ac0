namespace Led.Systems.KuramotoSivashinsky.Tests;

public class EtdRk4SolverTests
{
    private const double L = 22;
    private const int N = 64;

    /// <summary>u₀ = cos y·(1 + sin y) = cos y + ½ sin 2y with y = 2πx/L (Kassam–Trefethen's smooth test datum).</summary>
    private static double[] SmoothInitialCondition()
    {
        var u = new double[N];
        for (int j = 0; j < N; j++)
        {
            double y = 2 * Math.PI * j / N;
            u[j] = Math.Cos(y) * (1 + Math.Sin(y));
        }
        return u;
    }

    private static double[] Solve(double[] u0, double h, double time)
    {
        var solver = new EtdRk4Solver(L, N, h);
        solver.SetState(u0);
        solver.Advance((long)Math.Round(time / h));
        var u = new double[N];
        solver.GetState(u);
        return u;
    }

    private static double MaxDifference(double[] a, double[] b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max();

    /// <summary>A state on the attractor: the random initial condition of seed 1 after 200 time units.</summary>
    internal static double[] AttractorState()
    {
        var system = new KuramotoSivashinsky(new KuramotoSivashinskyOptions { MicroStep = 2.5e-3 });
        var solver = system.CreateSolver();
        solver.SetState(system.InitialCondition(1));
        solver.Advance(80_000);
        var u = new double[N];
        solver.GetState(u);
        return u;
    }

    [Theory]
    [InlineData(1)]   // k = 0.286: l = k² − k⁴ = +0.0749, grows
    [InlineData(5)]   // k = 1.428: l = −2.12, decays
    public void A_small_single_mode_grows_as_exp_of_k2_minus_k4(int mode)
    {
        // Amplitude 1e-9: the quadratic term is 1e-9 relative, and ETDRK4 integrates the linear part exactly.
        double k = 2 * Math.PI * mode / L;
        double rate = k * k - k * k * k * k;
        var u0 = new double[N];
        for (int j = 0; j < N; j++) u0[j] = 1e-9 * Math.Cos(2 * Math.PI * mode * j / N);
        var solver = new EtdRk4Solver(L, N, 2.5e-3);
        solver.SetState(u0);
        double before = solver.SpectrumReal[mode];
        solver.Advance(800); // t = 2
        double ratio = solver.SpectrumReal[mode] / before;
        Assert.Equal(Math.Exp(2 * rate), ratio, Math.Exp(2 * rate) * 1e-6);
    }

    [Fact]
    public void The_time_derivative_is_minus_uxxxx_minus_uxx_minus_u_ux()
    {
        // Analytic right-hand side of u = cos y + ½ sin 2y, y = κx, κ = 2π/L.
        double kappa = 2 * Math.PI / L;
        var expected = new double[N];
        for (int j = 0; j < N; j++)
        {
            double y = 2 * Math.PI * j / N;
            double u = Math.Cos(y) + 0.5 * Math.Sin(2 * y);
            double ux = kappa * (-Math.Sin(y) + Math.Cos(2 * y));
            double uxx = kappa * kappa * (-Math.Cos(y) - 2 * Math.Sin(2 * y));
            double uxxxx = Math.Pow(kappa, 4) * (Math.Cos(y) + 8 * Math.Sin(2 * y));
            expected[j] = -uxxxx - uxx - u * ux;
        }
        // One step of h and of h/2; Richardson's combination is u_t + O(h²).
        var u0 = SmoothInitialCondition();
        const double h = 1e-4;
        var big = Solve(u0, h, h);
        var small = Solve(u0, h / 2, h / 2);
        for (int j = 0; j < N; j++)
        {
            double derivative = 2 * (small[j] - u0[j]) / (h / 2) - (big[j] - u0[j]) / h;
            Assert.Equal(expected[j], derivative, 1e-6);
        }
        Assert.True(expected.Max(Math.Abs) > 0.3, "the nonlinear term must matter at this datum");
    }

    [Fact]
    public void Converges_at_fourth_order_in_time()
    {
        // Smooth datum, t = 10 (max|u| ≈ 1.9, fully nonlinear), reference with h = 2.5e-4.
        // Measured: errors 4.7e-7, 3.4e-8, 2.2e-9 for h = 0.05, 0.025, 0.0125: orders 3.77 and 3.95 (the stiff
        // modes, h·|l| up to 300, hold ETDRK4 a little below its asymptotic order 4 at the larger steps).
        var u0 = SmoothInitialCondition();
        const double time = 10;
        var reference = Solve(u0, 2.5e-4, time);
        double[] errors = [0.05, 0.025, 0.0125];
        for (int i = 0; i < errors.Length; i++) errors[i] = MaxDifference(Solve(u0, errors[i], time), reference);
        double p1 = Math.Log2(errors[0] / errors[1]);
        double p2 = Math.Log2(errors[1] / errors[2]);
        Assert.InRange(p1, 3.5, 4.5);
        Assert.InRange(p2, 3.5, 4.5);
        Assert.InRange(errors[2], 1e-10, 1e-8); // far above round-off, so the orders are not noise
    }

    [Fact]
    public void The_two_reference_steps_agree_on_the_attractor()
    {
        var u0 = AttractorState();
        var fine = Solve(u0, 2.5e-4, 1);
        var coarse = Solve(u0, 2.5e-3, 1);
        double difference = MaxDifference(fine, coarse);
        Assert.True(difference < 1e-8, $"h = 2.5e-3 and 2.5e-4 differ by {difference:E2} after one time unit");
        Assert.True(MaxDifference(fine, u0) > 0.1, "the state must have moved");
    }

    [Fact]
    public void The_mean_and_the_nyquist_mode_are_conserved_over_a_long_run()
    {
        var u0 = RadixTwoRealFftTests.RandomSamples(N, 5).Select(x => 0.01 * x + 0.3).ToArray();
        var solver = new EtdRk4Solver(L, N, 2.5e-3);
        solver.SetState(u0);
        double mean0 = u0.Average();
        double dc = solver.SpectrumReal[0], nyquist = solver.SpectrumReal[N / 2];
        var u = new double[N];
        double worst = 0;
        for (int block = 0; block < 100; block++)
        {
            solver.Advance(4000); // 10 time units; 1000 in all
            solver.GetState(u);
            worst = Math.Max(worst, Math.Abs(u.Average() - mean0));
        }
        Assert.True(worst < 1e-12, $"the grid mean drifted by {worst:E2}");
        Assert.Equal(dc, solver.SpectrumReal[0]);        // l = g = 0: bit-exact in spectral space
        Assert.Equal(nyquist, solver.SpectrumReal[N / 2]);
        Assert.True(u.Max() - u.Min() > 2, "the run must have reached the chaotic regime");
    }

    [Fact]
    public void Stays_bounded_for_2000_time_units()
    {
        // A complex FFT breaks the Hermitian symmetry and overflows after ≈ 380 time units (reference-spec §2.1).
        var u0 = RadixTwoRealFftTests.RandomSamples(N, 9).Select(x => 0.01 * x).ToArray();
        var solver = new EtdRk4Solver(L, N, 2.5e-3);
        solver.SetState(u0);
        var u = new double[N];
        double largest = 0;
        for (int t = 0; t < 2000; t++)
        {
            solver.Advance(400);
            solver.GetState(u);
            foreach (double x in u)
            {
                Assert.True(double.IsFinite(x), $"non-finite u at t = {t + 1}");
                largest = Math.Max(largest, Math.Abs(x));
            }
        }
        Assert.InRange(largest, 2.5, 3.5);
    }

    [Fact]
    public void The_tangent_step_is_the_derivative_of_the_step()
    {
        var solver = new EtdRk4Solver(L, N, 2.5e-3);
        solver.SetState(AttractorState());
        var vr = solver.SpectrumReal.ToArray();
        var vi = solver.SpectrumImaginary.ToArray();
        int modes = solver.Modes;
        var rng = new Random(2);
        var wr = new double[modes];
        var wi = new double[modes];
        for (int k = 1; k < modes - 1; k++)
        {
            wr[k] = rng.NextDouble() - 0.5;
            wi[k] = rng.NextDouble() - 0.5;
        }
        var stages = new double[solver.StageBufferLength];
        var tr = (double[])wr.Clone();
        var ti = (double[])wi.Clone();
        solver.TakeStepRecording(stages);
        solver.StepTangent(tr, ti, stages);

        // Central differences of the step: O(ε²) accurate for this polynomial map.
        const double eps = 1e-3;
        var plus = new EtdRk4Solver(L, N, 2.5e-3);
        var minus = new EtdRk4Solver(L, N, 2.5e-3);
        plus.SetSpectrum(vr.Zip(wr, (a, b) => a + eps * b).ToArray(), vi.Zip(wi, (a, b) => a + eps * b).ToArray());
        minus.SetSpectrum(vr.Zip(wr, (a, b) => a - eps * b).ToArray(), vi.Zip(wi, (a, b) => a - eps * b).ToArray());
        plus.TakeStep();
        minus.TakeStep();
        double scale = tr.Concat(ti).Max(Math.Abs);
        for (int k = 0; k < modes; k++)
        {
            Assert.Equal((plus.SpectrumReal[k] - minus.SpectrumReal[k]) / (2 * eps), tr[k], 1e-9 * scale);
            Assert.Equal((plus.SpectrumImaginary[k] - minus.SpectrumImaginary[k]) / (2 * eps), ti[k], 1e-9 * scale);
        }
        // The recorded step is the ordinary step.
        var reference = new EtdRk4Solver(L, N, 2.5e-3);
        reference.SetSpectrum(vr, vi);
        reference.TakeStep();
        Assert.Equal(reference.SpectrumReal.ToArray(), solver.SpectrumReal.ToArray());
    }

    [Fact]
    public void Our_fft_and_MathNet_give_the_same_trajectory()
    {
        var u0 = AttractorState();
        var ours = new EtdRk4Solver(L, N, 2.5e-3);
        var theirs = new EtdRk4Solver(L, N, 2.5e-3, fft: new MathNetRealFft(N));
        ours.SetState(u0);
        theirs.SetState(u0);
        ours.Advance(400);
        theirs.Advance(400);
        var (a, b) = (new double[N], new double[N]);
        ours.GetState(a);
        theirs.GetState(b);
        Assert.True(MaxDifference(a, b) < 1e-11, $"trajectories differ by {MaxDifference(a, b):E2}");
        Assert.True(MaxDifference(a, u0) > 0.1, "the state must have moved");
    }

    [Fact]
    public void Steps_allocate_nothing()
    {
        var solver = new EtdRk4Solver(L, N, 2.5e-4);
        solver.SetState(SmoothInitialCondition());
        var stages = new double[solver.StageBufferLength];
        var wr = new double[solver.Modes];
        var wi = new double[solver.Modes];
        wr[1] = 1;
        solver.Advance(10);
        solver.TakeStepRecording(stages);
        solver.StepTangent(wr, wi, stages);
        long before = GC.GetAllocatedBytesForCurrentThread();
        solver.Advance(1000);
        for (int i = 0; i < 100; i++)
        {
            solver.TakeStepRecording(stages);
            solver.StepTangent(wr, wi, stages);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Nyquist_wavenumber_is_zero()
    {
        var solver = new EtdRk4Solver(L, N, 2.5e-4);
        Assert.Equal(0.0, solver.Wavenumber(N / 2));
        Assert.Equal(2 * Math.PI * 31 / L, solver.Wavenumber(31), 1e-15);
    }
}
