using Led.Toolkit.Systems;
namespace Led.Systems.KuramotoSivashinsky;

/// <summary>
/// Lyapunov exponents of the KS solver by the Benettin/QR method: tangent vectors are propagated with the exact
/// derivative of the ETDRK4 step (the step linearised about the base trajectory's stages) and re-orthonormalised
/// by modified Gram–Schmidt every renormalisation interval; the exponents are the time averages of the logarithms
/// of the norms removed. The spatial mean (mode 0) and the frozen Nyquist mode are conserved by the scheme and
/// would each add a zero exponent: tangent vectors are kept orthogonal to them (zero there, an invariant subspace).
/// </summary>
public static class LyapunovSpectrum
{
    /// <summary>Exponents from the random initial condition of <paramref name="seed"/> (as <see cref="KuramotoSivashinsky.Start"/>).</summary>
    /// <param name="options">System options; the micro step is the step whose map is analysed.</param>
    /// <param name="seed">Seed of the initial condition and of the initial tangent vectors.</param>
    /// <param name="count">Number of exponents, 1 … N − 2.</param>
    /// <param name="transient">Time discarded first; tangent vectors are propagated (not accumulated) during its second half.</param>
    /// <param name="duration">Time over which the exponents are accumulated.</param>
    /// <param name="renormalisationInterval">Time between Gram–Schmidt steps (a whole number of micro steps, rounded).</param>
    public static LyapunovResult Compute(KuramotoSivashinskyOptions options, ulong seed, int count, double transient,
        double duration, double renormalisationInterval)
    {
        var system = new KuramotoSivashinsky(options);
        return Compute(options, system.InitialCondition(seed), count, transient, duration, renormalisationInterval, seed);
    }

    /// <summary>Exponents along the trajectory from <paramref name="initialState"/> (grid values of u).</summary>
    /// <param name="options">System options; the micro step is the step whose map is analysed.</param>
    /// <param name="initialState">u₀ on the N grid nodes.</param>
    /// <param name="count">Number of exponents, 1 … N − 2.</param>
    /// <param name="transient">Time discarded first; tangent vectors are propagated (not accumulated) during its second half.</param>
    /// <param name="duration">Time over which the exponents are accumulated.</param>
    /// <param name="renormalisationInterval">Time between Gram–Schmidt steps (a whole number of micro steps, rounded).</param>
    /// <param name="tangentSeed">Seed of the random initial tangent vectors.</param>
    public static LyapunovResult Compute(KuramotoSivashinskyOptions options, ReadOnlySpan<double> initialState, int count,
        double transient, double duration, double renormalisationInterval, ulong tangentSeed = 1)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        int n = options.GridPoints;
        if (initialState.Length != n)
            throw new ArgumentException($"expected {n} grid values, got {initialState.Length}", nameof(initialState));
        if (count < 1 || count > n - 2)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"between 1 and {n - 2} exponents (N − 2: mean and Nyquist excluded)");
        if (!(transient >= 0) || !double.IsFinite(transient))
            throw new ArgumentOutOfRangeException(nameof(transient), transient, "the transient must be non-negative and finite");
        double h = options.MicroStep;
        long perInterval = Math.Max(1, (long)Math.Round(renormalisationInterval / h));
        long intervals = (long)Math.Round(duration / (perInterval * h));
        if (!(renormalisationInterval > 0) || intervals < 1)
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "the duration must hold at least one positive renormalisation interval");

        var solver = new EtdRk4Solver(options.Length, n, h, options.ContourPoints);
        solver.SetState(initialState);
        int modes = solver.Modes;
        var stages = new double[4 * n];
        var wr = new double[count][];
        var wi = new double[count][];
        var rng = new SplitMix64(tangentSeed ^ 0x5DEECE66DUL);
        for (int i = 0; i < count; i++)
        {
            wr[i] = new double[modes];
            wi[i] = new double[modes];
            for (int k = 1; k < modes - 1; k++)
            {
                wr[i][k] = rng.NextDouble() - 0.5;
                wi[i][k] = rng.NextDouble() - 0.5;
            }
        }
        var logs = new double[count];
        Orthonormalise(wr, wi, modes, logs);

        long transientSteps = (long)Math.Round(transient / h);
        long alignFrom = transientSteps / 2;
        solver.Advance(alignFrom);
        for (long s = alignFrom; s < transientSteps; s++)
        {
            StepAll(solver, stages, wr, wi);
            if ((s - alignFrom + 1) % perInterval == 0) Orthonormalise(wr, wi, modes, logs);
        }
        Orthonormalise(wr, wi, modes, logs);

        var sums = new double[count];
        var times = new double[intervals];
        var history = new double[intervals][];
        double intervalTime = perInterval * h;
        for (long r = 0; r < intervals; r++)
        {
            for (long s = 0; s < perInterval; s++) StepAll(solver, stages, wr, wi);
            Orthonormalise(wr, wi, modes, logs);
            double t = (r + 1) * intervalTime;
            var estimate = new double[count];
            for (int i = 0; i < count; i++)
            {
                sums[i] += logs[i];
                estimate[i] = sums[i] / t;
            }
            times[r] = t;
            history[r] = estimate;
        }
        double total = intervals * intervalTime;
        var exponents = sums.Select(s => s / total).OrderByDescending(l => l).ToArray();
        return new LyapunovResult(exponents, KaplanYorkeDimension(exponents), total, times, history);
    }

    /// <summary>
    /// Kaplan–Yorke dimension j + (λ₁ + … + λ_j)/|λ_{j+1}| with j the largest index whose partial sum is non-negative;
    /// 0 when λ₁ &lt; 0, NaN when every partial sum of the given exponents is non-negative.
    /// </summary>
    public static double KaplanYorkeDimension(ReadOnlySpan<double> exponents)
    {
        var sorted = exponents.ToArray();
        Array.Sort(sorted, (a, b) => b.CompareTo(a));
        if (sorted.Length == 0 || sorted[0] < 0) return 0;
        double sum = 0;
        for (int j = 0; j < sorted.Length; j++)
        {
            if (sum + sorted[j] < 0) return j + sum / Math.Abs(sorted[j]);
            sum += sorted[j];
        }
        return double.NaN;
    }

    private static void StepAll(EtdRk4Solver solver, double[] stages, double[][] wr, double[][] wi)
    {
        solver.TakeStepRecording(stages);
        for (int i = 0; i < wr.Length; i++) solver.StepTangent(wr[i], wi[i], stages);
    }

    /// <summary>Modified Gram–Schmidt in the Euclidean norm of modes 1 … N/2 − 1; writes ln of each removed norm.</summary>
    private static void Orthonormalise(double[][] wr, double[][] wi, int modes, double[] logs)
    {
        for (int i = 0; i < wr.Length; i++)
        {
            double[] xr = wr[i], xi = wi[i];
            for (int j = 0; j < i; j++)
            {
                double[] yr = wr[j], yi = wi[j];
                double dot = 0;
                for (int k = 1; k < modes - 1; k++) dot += xr[k] * yr[k] + xi[k] * yi[k];
                for (int k = 1; k < modes - 1; k++)
                {
                    xr[k] -= dot * yr[k];
                    xi[k] -= dot * yi[k];
                }
            }
            double norm2 = 0;
            for (int k = 1; k < modes - 1; k++) norm2 += xr[k] * xr[k] + xi[k] * xi[k];
            double norm = Math.Sqrt(norm2);
            if (!(norm > 0) || !double.IsFinite(norm))
                throw new InvalidOperationException($"tangent vector {i} degenerated (norm {norm}); shorten the renormalisation interval");
            logs[i] = Math.Log(norm);
            double inv = 1 / norm;
            for (int k = 1; k < modes - 1; k++)
            {
                xr[k] *= inv;
                xi[k] *= inv;
            }
        }
    }
}
