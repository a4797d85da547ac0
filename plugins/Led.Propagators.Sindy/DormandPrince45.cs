namespace Led.Propagators.Sindy;

/// <summary>
/// Adaptive explicit Runge–Kutta integration of an autonomous ODE (no stage times are needed) by the Dormand–Prince 5(4) pair (Dormand &amp; Prince
/// 1980; Hairer, Nørsett &amp; Wanner, Solving ODEs I, §II.5): seven stages with the first-same-as-last property, the
/// fifth-order solution is propagated and the embedded fourth-order one estimates the local error. A step is accepted
/// when err = RMS_i(e_i / (atol + rtol·max(|y_i|, |ŷ_i|))) ≤ 1, and the next step is h·min(10, max(0.2, 0.9·err^(−1/5)))
/// (no growth right after a rejection). The first step follows Hairer's estimate from ‖y‖ and ‖f(y)‖; the last one is
/// cut to end exactly at the requested time. Buffers are allocated once.
/// </summary>
internal sealed class DormandPrince45
{
    private const double A21 = 1.0 / 5;
    private const double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private const double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private const double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561, A54 = -212.0 / 729;
    private const double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176, A65 = -5103.0 / 18656;
    private const double B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784, B6 = 11.0 / 84;
    // e = b (fifth order) − b̂ (fourth order)
    private const double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200, E6 = 22.0 / 525, E7 = -1.0 / 40;

    private readonly double _rtol, _atol;
    private readonly int _maxSteps;
    private readonly double[] _k1, _k2, _k3, _k4, _k5, _k6, _k7, _stage, _next;

    public DormandPrince45(int dimension, double relativeTolerance, double absoluteTolerance, int maxSteps)
    {
        (_rtol, _atol, _maxSteps) = (relativeTolerance, absoluteTolerance, maxSteps);
        _k1 = new double[dimension];
        _k2 = new double[dimension];
        _k3 = new double[dimension];
        _k4 = new double[dimension];
        _k5 = new double[dimension];
        _k6 = new double[dimension];
        _k7 = new double[dimension];
        _stage = new double[dimension];
        _next = new double[dimension];
    }

    /// <summary>Accepted steps of the last <see cref="Integrate"/>.</summary>
    public int AcceptedSteps { get; private set; }

    /// <summary>Rejected steps of the last <see cref="Integrate"/>.</summary>
    public int RejectedSteps { get; private set; }

    /// <summary>
    /// Advances <paramref name="y"/> in place from t = 0 to t = <paramref name="duration"/>. Returns false, with
    /// <paramref name="y"/> set to NaN, when the solution stops being finite or needs more than the allowed steps.
    /// </summary>
    public bool Integrate(OdeRightHandSide f, Span<double> y, double duration)
    {
        (AcceptedSteps, RejectedSteps) = (0, 0);
        int n = y.Length;
        f(y, _k1);
        double h = InitialStep(f, y, duration), t = 0;
        bool rejected = false;
        while (t < duration)
        {
            if (AcceptedSteps + RejectedSteps >= _maxSteps || !double.IsFinite(h) || h <= 0) return Fail(y);
            bool last = t + h >= duration;
            if (last) h = duration - t;
            for (int i = 0; i < n; i++) _stage[i] = y[i] + h * A21 * _k1[i];
            f(_stage, _k2);
            for (int i = 0; i < n; i++) _stage[i] = y[i] + h * (A31 * _k1[i] + A32 * _k2[i]);
            f(_stage, _k3);
            for (int i = 0; i < n; i++) _stage[i] = y[i] + h * (A41 * _k1[i] + A42 * _k2[i] + A43 * _k3[i]);
            f(_stage, _k4);
            for (int i = 0; i < n; i++) _stage[i] = y[i] + h * (A51 * _k1[i] + A52 * _k2[i] + A53 * _k3[i] + A54 * _k4[i]);
            f(_stage, _k5);
            for (int i = 0; i < n; i++) _stage[i] = y[i] + h * (A61 * _k1[i] + A62 * _k2[i] + A63 * _k3[i] + A64 * _k4[i] + A65 * _k5[i]);
            f(_stage, _k6);
            for (int i = 0; i < n; i++) _next[i] = y[i] + h * (B1 * _k1[i] + B3 * _k3[i] + B4 * _k4[i] + B5 * _k5[i] + B6 * _k6[i]);
            f(_next, _k7);

            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                double e = h * (E1 * _k1[i] + E3 * _k3[i] + E4 * _k4[i] + E5 * _k5[i] + E6 * _k6[i] + E7 * _k7[i]);
                double scale = _atol + _rtol * Math.Max(Math.Abs(y[i]), Math.Abs(_next[i]));
                sum += e / scale * (e / scale);
            }
            double error = Math.Sqrt(sum / n);
            if (!double.IsFinite(error)) error = double.PositiveInfinity;
            double factor = error == 0 ? 10 : Math.Min(10, Math.Max(0.2, 0.9 * Math.Pow(error, -0.2)));
            if (error <= 1)
            {
                t = last ? duration : t + h;
                _next.AsSpan().CopyTo(y);
                _k7.AsSpan().CopyTo(_k1);                       // first same as last
                AcceptedSteps++;
                h *= rejected ? Math.Min(1, factor) : factor;
                rejected = false;
            }
            else
            {
                RejectedSteps++;
                h *= Math.Min(1, factor);
                rejected = true;
            }
        }
        foreach (var v in y)
            if (!double.IsFinite(v)) return Fail(y);
        return true;
    }

    /// <summary>Hairer's starting step (Solving ODEs I, §II.4), from f(y) in <see cref="_k1"/>; uses <see cref="_stage"/> and <see cref="_k2"/>.</summary>
    private double InitialStep(OdeRightHandSide f, ReadOnlySpan<double> y, double duration)
    {
        int n = y.Length;
        double d0 = 0, d1 = 0;
        for (int i = 0; i < n; i++)
        {
            double scale = _atol + _rtol * Math.Abs(y[i]);
            d0 += y[i] / scale * (y[i] / scale);
            d1 += _k1[i] / scale * (_k1[i] / scale);
        }
        (d0, d1) = (Math.Sqrt(d0 / n), Math.Sqrt(d1 / n));
        double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.Min(h0, duration);
        for (int i = 0; i < n; i++) _stage[i] = y[i] + h0 * _k1[i];
        f(_stage, _k2);
        double d2 = 0;
        for (int i = 0; i < n; i++)
        {
            double scale = _atol + _rtol * Math.Abs(y[i]);
            double difference = (_k2[i] - _k1[i]) / scale;
            d2 += difference * difference;
        }
        d2 = Math.Sqrt(d2 / n) / h0;
        double larger = Math.Max(d1, d2);
        double h1 = larger <= 1e-15 ? Math.Max(1e-6, h0 * 1e-3) : Math.Pow(0.01 / larger, 0.2);
        return Math.Min(Math.Min(100 * h0, h1), duration);
    }

    private static bool Fail(Span<double> y)
    {
        y.Fill(double.NaN);
        return false;
    }
}
