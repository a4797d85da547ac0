using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace Led.Systems.AdvectionDiffusion;

/// <summary>
/// The particle kernel: Euler–Maruyama steps of dX = A∘cos(ωt) dt + √D dW in the box [−L/2, L/2]³ with reflective walls,
/// in the reference's order per micro step k (t_k = t₀ + k·δt):
/// <list type="number">
/// <item>x ← x + √(D·δt)·ξ, ξ ~ N(0, 1) per coordinate (<see cref="CounterNormals"/>: value k of stream a·N + i for
/// particle i's axis a);</item>
/// <item>x ← x + δt·A∘cos(ω t_k);</item>
/// <item>reflection by folding: a coordinate outside the box is mapped by y = (x − lo) mod 2L, y ← L − |L − y|,
/// x ← lo + y, which undoes any number of wall crossings in one step.</item>
/// </list>
/// Positions are stored axis-major (<c>[3][N]</c>) so that every stage is a vector operation over particles. The time is
/// t₀ + k·δt, not a running sum, so that the drift phase does not drift over long runs.
/// </summary>
internal sealed class BrownianStepper
{
    private readonly AdvectionDiffusionParticlesOptions _options;
    private readonly double[] _positions, _noise;
    private readonly CounterNormals _normals;
    private readonly int _n;
    private readonly double _sigma;
    private ulong _steps;

    /// <param name="positions">Particle positions, interleaved <c>[N, 3]</c>.</param>
    public BrownianStepper(AdvectionDiffusionParticlesOptions options, ReadOnlySpan<double> positions, double startTime, ulong seed)
    {
        _options = options;
        _n = positions.Length / 3;
        _positions = new double[3 * _n];
        for (int i = 0; i < _n; i++)
            for (int a = 0; a < 3; a++) _positions[a * _n + i] = positions[3 * i + a];
        if (options.Reflective)
            for (int a = 0; a < 3; a++) Fold(_positions.AsSpan(a * _n, _n), -options.BoxLength / 2, options.BoxLength);
        _normals = new CounterNormals(seed, 3 * _n);
        _noise = new double[3 * _n];
        _sigma = Math.Sqrt(options.Diffusion * options.MicroStep);
        StartTime = startTime;
    }

    public double StartTime { get; }

    /// <summary>Micro steps taken.</summary>
    public ulong Steps => _steps;

    public double Time => StartTime + _steps * _options.MicroStep;

    /// <summary>Coordinates of axis <paramref name="axis"/> (0: x, 1: y, 2: z), one per particle.</summary>
    public ReadOnlySpan<double> Axis(int axis) => _positions.AsSpan(axis * _n, _n);

    /// <summary>Takes <paramref name="count"/> micro steps.</summary>
    public void Step(long count)
    {
        double dt = _options.MicroStep, lo = -_options.BoxLength / 2;
        for (long s = 0; s < count; s++)
        {
            double t = Time;
            _normals.Next(_steps, _noise);
            for (int a = 0; a < 3; a++)
            {
                var x = _positions.AsSpan(a * _n, _n);
                TensorPrimitives.MultiplyAdd(_noise.AsSpan(a * _n, _n), _sigma, x, x);
                double drift = dt * _options.Amplitude[a] * Math.Cos(_options.Frequency[a] * t);
                if (drift != 0) TensorPrimitives.Add(x, drift, x);
                if (_options.Reflective) Fold(x, lo, _options.BoxLength);
            }
            _steps++;
        }
    }

    /// <summary>Writes the positions interleaved, <c>[N, 3]</c>.</summary>
    public void Observe(Span<double> observable)
    {
        for (int a = 0; a < 3; a++)
        {
            var x = _positions.AsSpan(a * _n, _n);
            for (int i = 0; i < _n; i++) observable[3 * i + a] = x[i];
        }
    }

    /// <summary>Folds every coordinate outside [lo, lo + length] back into it (reflection at both walls, any number of times); inside ones are unchanged.</summary>
    internal static void Fold(Span<double> x, double lo, double length)
    {
        double hi = lo + length, period = 2 * length;
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var (vlo, vhi, vlen, vperiod, vinv) = (Vector256.Create(lo), Vector256.Create(hi), Vector256.Create(length),
                Vector256.Create(period), Vector256.Create(1 / period));
            for (; i <= x.Length - Vector256<double>.Count; i += Vector256<double>.Count)
            {
                var v = Vector256.Create<double>(x.Slice(i, Vector256<double>.Count));
                var outside = Vector256.LessThan(v, vlo) | Vector256.GreaterThan(v, vhi);
                if (outside == Vector256<double>.Zero) continue;
                var y = v - vlo;
                y -= vperiod * Vector256.Floor(y * vinv);
                y = vlen - Vector256.Abs(vlen - y);
                Vector256.ConditionalSelect(outside, vlo + y, v).CopyTo(x.Slice(i, Vector256<double>.Count));
            }
        }
        for (; i < x.Length; i++)
        {
            double v = x[i];
            if (v >= lo && v <= hi) continue;
            double y = v - lo;
            y -= period * Math.Floor(y / period);
            x[i] = lo + (length - Math.Abs(length - y));
        }
    }
}
