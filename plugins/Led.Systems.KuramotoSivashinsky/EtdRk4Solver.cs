using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Led.Systems.KuramotoSivashinsky;

/// <summary>
/// Kuramoto–Sivashinsky u_t = −u_xxxx − u_xx − u·u_x on [0, L] periodic: Fourier–Galerkin on the half spectrum
/// (N/2 + 1 modes of a real FFT, so the full spectrum is Hermitian by construction) with the ETDRK4 scheme of
/// Kassam and Trefethen (2005), as in the reference solver: wavenumbers 2πn/L with the Nyquist wavenumber set to
/// zero, l(k) = k² − k⁴, g = −ik/2, contour integrals over M points on the upper half unit circle, no dealiasing.
/// The state is v = FFT(u) (unnormalised). Every buffer is allocated by the constructor; a step allocates nothing.
/// Not thread-safe.
/// </summary>
public sealed class EtdRk4Solver
{
    private readonly IRealFft _fft;
    private readonly RadixTwoRealFft? _fast;
    private readonly int _n;
    private readonly int _modes;

    // Linear factors (real, even in k).
    private readonly double[] _e;
    private readonly double[] _e2;
    // Nonlinear factors with g = i·gk folded in: the product with a raw transform P is i·factor·P.
    private readonly double[] _qg;
    private readonly double[] _f1g;
    private readonly double[] _f2g;
    private readonly double[] _f3g;

    private readonly double[] _vr, _vi;
    private readonly double[] _ar, _ai, _br, _bi, _cr, _ci;
    private readonly double[] _pvr, _pvi, _par, _pai, _pbr, _pbi, _pcr, _pci;
    private readonly double[] _phys;

    /// <summary>A solver on <paramref name="gridPoints"/> nodes of [0, <paramref name="length"/>) with time step <paramref name="step"/>.</summary>
    /// <param name="length">Domain length L (22 in the reference).</param>
    /// <param name="gridPoints">N, even; a power of two when <paramref name="fft"/> is left to the default <see cref="RadixTwoRealFft"/>.</param>
    /// <param name="step">ETDRK4 step h.</param>
    /// <param name="contourPoints">Points on the upper half circle for the φ-function contour integrals (62 in the reference).</param>
    /// <param name="fft">The real FFT to use; <see cref="RadixTwoRealFft"/> by default.</param>
    public EtdRk4Solver(double length, int gridPoints, double step, int contourPoints = 62, IRealFft? fft = null)
    {
        if (!(length > 0) || double.IsInfinity(length))
            throw new ArgumentOutOfRangeException(nameof(length), length, "the domain length must be positive and finite");
        if (gridPoints < 4 || gridPoints % 2 != 0)
            throw new ArgumentOutOfRangeException(nameof(gridPoints), gridPoints, "the number of grid points must be even, at least 4");
        if (!(step > 0) || double.IsInfinity(step))
            throw new ArgumentOutOfRangeException(nameof(step), step, "the time step must be positive and finite");
        if (contourPoints < 1)
            throw new ArgumentOutOfRangeException(nameof(contourPoints), contourPoints, "at least one contour point is needed");
        _fft = fft ?? new RadixTwoRealFft(gridPoints);
        if (_fft.Length != gridPoints)
            throw new ArgumentException($"the FFT has length {_fft.Length}, the grid {gridPoints} points", nameof(fft));
        _fast = _fft as RadixTwoRealFft;

        Length = length;
        GridPoints = gridPoints;
        Step = step;
        ContourPoints = contourPoints;
        _n = gridPoints;
        _modes = gridPoints / 2 + 1;

        _e = new double[_modes];
        _e2 = new double[_modes];
        _qg = new double[_modes];
        _f1g = new double[_modes];
        _f2g = new double[_modes];
        _f3g = new double[_modes];
        var roots = new Complex[contourPoints];
        for (int j = 0; j < contourPoints; j++)
            roots[j] = Complex.Exp(new Complex(0, Math.PI * (j + 0.5) / contourPoints));
        for (int n = 0; n < _modes; n++)
        {
            double k = Wavenumber(n);
            double l = k * k - k * k * k * k;
            double gk = -0.5 * k;
            double hl = step * l;
            _e[n] = Math.Exp(hl);
            _e2[n] = Math.Exp(hl / 2);
            Complex q = 0, f1 = 0, f2 = 0, f3 = 0;
            foreach (Complex r in roots)
            {
                Complex z = hl + r;
                Complex ez = Complex.Exp(z);
                Complex z2 = z * z, z3 = z2 * z;
                q += (Complex.Exp(z / 2) - 1) / z;
                f1 += (-4 - z + ez * (4 - 3 * z + z2)) / z3;
                f2 += (2 + z + ez * (z - 2)) / z3;
                f3 += (-4 - 3 * z - z2 + ez * (4 - z)) / z3;
            }
            _qg[n] = gk * step * q.Real / contourPoints;
            _f1g[n] = gk * step * f1.Real / contourPoints;
            _f2g[n] = gk * step * f2.Real / contourPoints;
            _f3g[n] = gk * step * f3.Real / contourPoints;
        }

        _vr = new double[_modes]; _vi = new double[_modes];
        _ar = new double[_modes]; _ai = new double[_modes];
        _br = new double[_modes]; _bi = new double[_modes];
        _cr = new double[_modes]; _ci = new double[_modes];
        _pvr = new double[_modes]; _pvi = new double[_modes];
        _par = new double[_modes]; _pai = new double[_modes];
        _pbr = new double[_modes]; _pbi = new double[_modes];
        _pcr = new double[_modes]; _pci = new double[_modes];
        _phys = new double[_n];
    }

    /// <summary>Domain length L.</summary>
    public double Length { get; }

    /// <summary>Grid points N.</summary>
    public int GridPoints { get; }

    /// <summary>Time step h.</summary>
    public double Step { get; }

    /// <summary>Contour points M used for the coefficients.</summary>
    public int ContourPoints { get; }

    /// <summary>Half-spectrum modes N/2 + 1.</summary>
    public int Modes => _modes;

    /// <summary>Real parts of the state v = FFT(u), modes 0…N/2.</summary>
    public ReadOnlySpan<double> SpectrumReal => _vr;

    /// <summary>Imaginary parts of the state v = FFT(u), modes 0…N/2.</summary>
    public ReadOnlySpan<double> SpectrumImaginary => _vi;

    /// <summary>The spatial mean of u, v₀/N (conserved: l = g = 0 for mode 0).</summary>
    public double Mean => _vr[0] / _n;

    /// <summary>Wavenumber of half-spectrum mode <paramref name="mode"/>: 2π·mode/L, and 0 for the Nyquist mode N/2.</summary>
    public double Wavenumber(int mode) => mode >= _n / 2 ? 0.0 : 2 * Math.PI * mode / Length;

    /// <summary>Sets the state from grid values u(x_j), x_j = L·j/N.</summary>
    public void SetState(ReadOnlySpan<double> u)
    {
        if (u.Length != _n) throw new ArgumentException($"expected {_n} grid values, got {u.Length}", nameof(u));
        _fft.Forward(u, _vr, _vi);
    }

    /// <summary>Writes the grid values u(x_j) = IFFT(v).</summary>
    public void GetState(Span<double> u)
    {
        if (u.Length != _n) throw new ArgumentException($"expected {_n} grid values, got {u.Length}", nameof(u));
        _fft.Inverse(_vr, _vi, u);
    }

    /// <summary>Sets the half spectrum directly (imaginary parts of modes 0 and N/2 are zeroed).</summary>
    public void SetSpectrum(ReadOnlySpan<double> real, ReadOnlySpan<double> imaginary)
    {
        if (real.Length != _modes || imaginary.Length != _modes)
            throw new ArgumentException($"expected {_modes} modes");
        real.CopyTo(_vr);
        imaginary.CopyTo(_vi);
        _vi[0] = 0;
        _vi[_modes - 1] = 0;
    }

    /// <summary>Takes <paramref name="steps"/> ETDRK4 steps.</summary>
    public void Advance(long steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        for (long s = 0; s < steps; s++) StepCore(_vr, _vi, null, null);
    }

    /// <summary>Takes one ETDRK4 step.</summary>
    public void TakeStep() => StepCore(_vr, _vi, null, null);

    /// <summary>Length of the stage buffer of <see cref="TakeStepRecording"/>: 4·N.</summary>
    public int StageBufferLength => 4 * _n;

    /// <summary>
    /// One step of the state that also writes the grid fields of its four stage inputs (v, a, b, c) into
    /// <paramref name="stages"/> (<see cref="StageBufferLength"/> values, in the solver's own layout), which
    /// <see cref="StepTangent"/> linearises about.
    /// </summary>
    public void TakeStepRecording(double[] stages)
    {
        ArgumentNullException.ThrowIfNull(stages);
        if (stages.Length < 4 * _n) throw new ArgumentException($"expected {4 * _n} values", nameof(stages));
        StepCore(_vr, _vi, null, stages);
    }

    /// <summary>
    /// Applies the derivative of a recorded step (the ETDRK4 map linearised about the stages that
    /// <see cref="TakeStepRecording"/> wrote) to the tangent half spectrum (<paramref name="wr"/>, <paramref name="wi"/>) in place.
    /// </summary>
    public void StepTangent(double[] wr, double[] wi, double[] stages)
    {
        ArgumentNullException.ThrowIfNull(wr);
        ArgumentNullException.ThrowIfNull(wi);
        ArgumentNullException.ThrowIfNull(stages);
        if (wr.Length != _modes || wi.Length != _modes) throw new ArgumentException($"expected {_modes} modes");
        if (stages.Length < 4 * _n) throw new ArgumentException($"expected {4 * _n} values", nameof(stages));
        StepCore(wr, wi, stages, null);
    }

    /// <summary>
    /// One ETDRK4 step of (<paramref name="vr"/>, <paramref name="vi"/>). With <paramref name="linearisedAbout"/> the
    /// quadratic term u² becomes its derivative 2·u_base·δu (tangent map).
    /// </summary>
    private void StepCore(double[] vr, double[] vi, double[]? linearisedAbout, double[]? record)
    {
        int modes = _modes;
        // Q·N(x) = Q·g·P(x) = i·qg·P: (re, im) += qg·(−P_im, P_re).
        Product(vr, vi, _pvr, _pvi, linearisedAbout, record, 0);
        Combine(_ar, _ai, _e2, vr, vi, _qg, _pvr, _pvi, modes);            // a = E2·v + Q·Nv
        Product(_ar, _ai, _par, _pai, linearisedAbout, record, 1);
        Combine(_br, _bi, _e2, vr, vi, _qg, _par, _pai, modes);            // b = E2·v + Q·Na
        Product(_br, _bi, _pbr, _pbi, linearisedAbout, record, 2);
        CombineC(modes);                                                   // c = E2·a + Q·(2Nb − Nv)
        Product(_cr, _ci, _pcr, _pci, linearisedAbout, record, 3);
        Finish(vr, vi, modes);                                             // v = E·v + f1·Nv + 2f2·(Na + Nb) + f3·Nc
    }

    /// <summary>outR + i·outI = lin·(xr + i·xi) + i·coef·(pr + i·pi), mode by mode.</summary>
    private static void Combine(double[] outR, double[] outI, double[] lin, double[] xr, double[] xi,
        double[] coef, double[] pr, double[] pi, int modes)
    {
        ref double o_r = ref MemoryMarshal.GetArrayDataReference(outR);
        ref double o_i = ref MemoryMarshal.GetArrayDataReference(outI);
        ref double l = ref MemoryMarshal.GetArrayDataReference(lin);
        ref double x_r = ref MemoryMarshal.GetArrayDataReference(xr);
        ref double x_i = ref MemoryMarshal.GetArrayDataReference(xi);
        ref double c = ref MemoryMarshal.GetArrayDataReference(coef);
        ref double p_r = ref MemoryMarshal.GetArrayDataReference(pr);
        ref double p_i = ref MemoryMarshal.GetArrayDataReference(pi);
        int k = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; k <= modes - 4; k += 4)
            {
                nuint u = (nuint)k;
                var lv = Vector256.LoadUnsafe(ref l, u);
                var cv = Vector256.LoadUnsafe(ref c, u);
                (lv * Vector256.LoadUnsafe(ref x_r, u) - cv * Vector256.LoadUnsafe(ref p_i, u)).StoreUnsafe(ref o_r, u);
                (lv * Vector256.LoadUnsafe(ref x_i, u) + cv * Vector256.LoadUnsafe(ref p_r, u)).StoreUnsafe(ref o_i, u);
            }
        for (; k < modes; k++)
        {
            double lk = Unsafe.Add(ref l, k), ck = Unsafe.Add(ref c, k);
            Unsafe.Add(ref o_r, k) = lk * Unsafe.Add(ref x_r, k) - ck * Unsafe.Add(ref p_i, k);
            Unsafe.Add(ref o_i, k) = lk * Unsafe.Add(ref x_i, k) + ck * Unsafe.Add(ref p_r, k);
        }
    }

    private void CombineC(int modes)
    {
        ref double o_r = ref MemoryMarshal.GetArrayDataReference(_cr);
        ref double o_i = ref MemoryMarshal.GetArrayDataReference(_ci);
        ref double l = ref MemoryMarshal.GetArrayDataReference(_e2);
        ref double a_r = ref MemoryMarshal.GetArrayDataReference(_ar);
        ref double a_i = ref MemoryMarshal.GetArrayDataReference(_ai);
        ref double c = ref MemoryMarshal.GetArrayDataReference(_qg);
        ref double b_r = ref MemoryMarshal.GetArrayDataReference(_pbr);
        ref double b_i = ref MemoryMarshal.GetArrayDataReference(_pbi);
        ref double v_r = ref MemoryMarshal.GetArrayDataReference(_pvr);
        ref double v_i = ref MemoryMarshal.GetArrayDataReference(_pvi);
        int k = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; k <= modes - 4; k += 4)
            {
                nuint u = (nuint)k;
                var lv = Vector256.LoadUnsafe(ref l, u);
                var cv = Vector256.LoadUnsafe(ref c, u);
                var sr = Vector256.LoadUnsafe(ref b_r, u) * 2.0 - Vector256.LoadUnsafe(ref v_r, u);
                var si = Vector256.LoadUnsafe(ref b_i, u) * 2.0 - Vector256.LoadUnsafe(ref v_i, u);
                (lv * Vector256.LoadUnsafe(ref a_r, u) - cv * si).StoreUnsafe(ref o_r, u);
                (lv * Vector256.LoadUnsafe(ref a_i, u) + cv * sr).StoreUnsafe(ref o_i, u);
            }
        for (; k < modes; k++)
        {
            double lk = Unsafe.Add(ref l, k), ck = Unsafe.Add(ref c, k);
            double sr = 2 * Unsafe.Add(ref b_r, k) - Unsafe.Add(ref v_r, k);
            double si = 2 * Unsafe.Add(ref b_i, k) - Unsafe.Add(ref v_i, k);
            Unsafe.Add(ref o_r, k) = lk * Unsafe.Add(ref a_r, k) - ck * si;
            Unsafe.Add(ref o_i, k) = lk * Unsafe.Add(ref a_i, k) + ck * sr;
        }
    }

    private void Finish(double[] vr, double[] vi, int modes)
    {
        ref double x_r = ref MemoryMarshal.GetArrayDataReference(vr);
        ref double x_i = ref MemoryMarshal.GetArrayDataReference(vi);
        ref double e = ref MemoryMarshal.GetArrayDataReference(_e);
        ref double f1 = ref MemoryMarshal.GetArrayDataReference(_f1g);
        ref double f2 = ref MemoryMarshal.GetArrayDataReference(_f2g);
        ref double f3 = ref MemoryMarshal.GetArrayDataReference(_f3g);
        ref double v_r = ref MemoryMarshal.GetArrayDataReference(_pvr);
        ref double v_i = ref MemoryMarshal.GetArrayDataReference(_pvi);
        ref double a_r = ref MemoryMarshal.GetArrayDataReference(_par);
        ref double a_i = ref MemoryMarshal.GetArrayDataReference(_pai);
        ref double b_r = ref MemoryMarshal.GetArrayDataReference(_pbr);
        ref double b_i = ref MemoryMarshal.GetArrayDataReference(_pbi);
        ref double c_r = ref MemoryMarshal.GetArrayDataReference(_pcr);
        ref double c_i = ref MemoryMarshal.GetArrayDataReference(_pci);
        int k = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; k <= modes - 4; k += 4)
            {
                nuint u = (nuint)k;
                var f1v = Vector256.LoadUnsafe(ref f1, u);
                var f2v = Vector256.LoadUnsafe(ref f2, u) * 2.0;
                var f3v = Vector256.LoadUnsafe(ref f3, u);
                var ev = Vector256.LoadUnsafe(ref e, u);
                var sr = f1v * Vector256.LoadUnsafe(ref v_r, u)
                         + f2v * (Vector256.LoadUnsafe(ref a_r, u) + Vector256.LoadUnsafe(ref b_r, u))
                         + f3v * Vector256.LoadUnsafe(ref c_r, u);
                var si = f1v * Vector256.LoadUnsafe(ref v_i, u)
                         + f2v * (Vector256.LoadUnsafe(ref a_i, u) + Vector256.LoadUnsafe(ref b_i, u))
                         + f3v * Vector256.LoadUnsafe(ref c_i, u);
                (ev * Vector256.LoadUnsafe(ref x_r, u) - si).StoreUnsafe(ref x_r, u);
                (ev * Vector256.LoadUnsafe(ref x_i, u) + sr).StoreUnsafe(ref x_i, u);
            }
        for (; k < modes; k++)
        {
            double f2k = 2 * Unsafe.Add(ref f2, k);
            double sr = Unsafe.Add(ref f1, k) * Unsafe.Add(ref v_r, k)
                        + f2k * (Unsafe.Add(ref a_r, k) + Unsafe.Add(ref b_r, k))
                        + Unsafe.Add(ref f3, k) * Unsafe.Add(ref c_r, k);
            double si = Unsafe.Add(ref f1, k) * Unsafe.Add(ref v_i, k)
                        + f2k * (Unsafe.Add(ref a_i, k) + Unsafe.Add(ref b_i, k))
                        + Unsafe.Add(ref f3, k) * Unsafe.Add(ref c_i, k);
            double ek = Unsafe.Add(ref e, k);
            Unsafe.Add(ref x_r, k) = ek * Unsafe.Add(ref x_r, k) - si;
            Unsafe.Add(ref x_i, k) = ek * Unsafe.Add(ref x_i, k) + sr;
        }
    }

    /// <summary>
    /// P = FFT(u²) with u = IFFT(x), or FFT(2·u_base·δu) when linearised; optionally records u (in the FFT's
    /// working layout, which only <see cref="StepTangent"/> reads back).
    /// </summary>
    private void Product(double[] xr, double[] xi, double[] pr, double[] pi, double[]? linearisedAbout, double[]? record, int stage)
    {
        int n = _n;
        int offset = stage * n;
        if (_fast is not null)
        {
            // The packed layout (even samples, then odd samples) skips the interleave; squaring is layout-free.
            _fast.InverseToPacked(ref MemoryMarshal.GetArrayDataReference(xr), ref MemoryMarshal.GetArrayDataReference(xi));
            double[] even = _fast.PackedEven, odd = _fast.PackedOdd;
            int half = n / 2;
            if (record is not null)
            {
                Array.Copy(even, 0, record, offset, half);
                Array.Copy(odd, 0, record, offset + half, half);
            }
            if (linearisedAbout is null)
            {
                Square(even, half);
                Square(odd, half);
            }
            else
            {
                Scale(even, linearisedAbout, offset, half);
                Scale(odd, linearisedAbout, offset + half, half);
            }
            _fast.ForwardFromPacked(ref MemoryMarshal.GetArrayDataReference(pr), ref MemoryMarshal.GetArrayDataReference(pi));
            return;
        }
        double[] phys = _phys;
        _fft.Inverse(xr, xi, phys);
        if (record is not null) Array.Copy(phys, 0, record, offset, n);
        if (linearisedAbout is null) Square(phys, n);
        else Scale(phys, linearisedAbout, offset, n);
        _fft.Forward(phys, pr, pi);
    }

    /// <summary>x ← x² on the first <paramref name="count"/> values.</summary>
    private static void Square(double[] x, int count)
    {
        ref double r = ref MemoryMarshal.GetArrayDataReference(x);
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; j <= count - 4; j += 4)
            {
                var v = Vector256.LoadUnsafe(ref r, (nuint)j);
                (v * v).StoreUnsafe(ref r, (nuint)j);
            }
        for (; j < count; j++) Unsafe.Add(ref r, j) *= Unsafe.Add(ref r, j);
    }

    /// <summary>x ← 2·base[offset + j]·x on the first <paramref name="count"/> values.</summary>
    private static void Scale(double[] x, double[] baseField, int offset, int count)
    {
        ref double r = ref MemoryMarshal.GetArrayDataReference(x);
        ref double b = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(baseField), offset);
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; j <= count - 4; j += 4)
            {
                var v = Vector256.LoadUnsafe(ref r, (nuint)j) * Vector256.LoadUnsafe(ref b, (nuint)j);
                (v + v).StoreUnsafe(ref r, (nuint)j);
            }
        for (; j < count; j++) Unsafe.Add(ref r, j) *= 2 * Unsafe.Add(ref b, j);
    }
}
