using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Led.Systems.FitzHughNagumo;

/// <summary>
/// The reference's D1Q3 lattice-Boltzmann scheme for the FitzHugh–Nagumo pair (reference-spec §1.2), one population
/// set (f₊, f₀, f₋) per species, equal weights 1/3. One <see cref="Step()"/>:
/// <list type="bullet">
/// <item>collision and reaction, f*ᵢ = fᵢ − ω_s(fᵢ − ρ_s/3) + (δt/3)·R_s, with R_u = ρ_u − ρ_u³ − ρ_v and
/// R_v = ε(ρ_u − a1·ρ_v − a0), both from the pre-collision densities of the step;</item>
/// <item>streaming f₊[j] ← f*₊[j−1], f₋[j] ← f*₋[j+1];</item>
/// <item>the reference's asymmetric ends: node 0 keeps its own f*₊[0]; the last node's left-mover becomes the new
/// f₊[N−1] = f*₊[N−2].</item>
/// </list>
/// The floating-point operations follow the reference's order (ρ = (f₀ + f₊) + f₋, f* = (f − ω(f − ρ/3)) + s) except
/// that ρ³ is ρ·ρ·ρ instead of <c>pow(ρ, 3)</c> (at most one rounding apart). Collision and streaming are fused into one
/// SIMD pass between two preallocated population buffers: a step allocates nothing.
/// </summary>
public sealed class LatticeBoltzmannD1Q3
{
    // Population rows of one buffer, each Nodes + 2 long: node j at index 1 + j, one ghost slot at either end that
    // receives the populations streamed out of the domain (never read).
    private const int URight = 0, URest = 1, ULeft = 2, VRight = 3, VRest = 4, VLeft = 5, Rows = 6;
    private const double Third = 1.0 / 3.0;

    private readonly int _nodes;
    private readonly int _stride;
    private readonly bool _vectorized;
    private double[] _current;
    private double[] _next;

    // Densities given to SetEquilibrium, returned exactly by GetDensities until the first step
    // (3·(ρ/3) may differ from ρ in the last bit).
    private readonly double[] _lifted;
    private bool _liftedValid;

    private readonly double _negOmegaU, _negOmegaV, _reactionScaleU, _reactionScaleV, _a0, _a1;
    private readonly bool _reaction;

    /// <summary>A solver for validated <paramref name="options"/>, all densities 0.</summary>
    /// <param name="options">System parameters (validated here).</param>
    /// <param name="reaction">False switches both reaction terms off (pure diffusion; for tests and checks).</param>
    public LatticeBoltzmannD1Q3(FitzHughNagumoOptions options, bool reaction = true) : this(options, reaction, vectorized: true) { }

    internal LatticeBoltzmannD1Q3(FitzHughNagumoOptions options, bool reaction, bool vectorized)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnsureValid();
        _nodes = options.Nodes;
        _stride = _nodes + 2;
        _vectorized = vectorized && Vector.IsHardwareAccelerated && _nodes >= Vector<double>.Count;
        _current = new double[Rows * _stride];
        _next = new double[Rows * _stride];
        _lifted = new double[2 * _nodes];
        MicroStep = options.MicroStep;
        GridSpacing = options.GridSpacing;
        OmegaU = options.OmegaU;
        OmegaV = options.OmegaV;
        _negOmegaU = -OmegaU;
        _negOmegaV = -OmegaV;
        _reaction = reaction;
        // Reference: n1 * dt * (...) and n1 * dt * epsilon * (...), evaluated left to right.
        _reactionScaleU = reaction ? Third * options.MicroStep : 0.0;
        _reactionScaleV = reaction ? Third * options.MicroStep * options.Epsilon : 0.0;
        _a0 = options.A0;
        _a1 = options.A1;
    }

    /// <summary>Lattice nodes per species.</summary>
    public int Nodes => _nodes;

    /// <summary>δt of one step.</summary>
    public double MicroStep { get; }

    /// <summary>dx.</summary>
    public double GridSpacing { get; }

    /// <summary>Relaxation rate of the activator populations.</summary>
    public double OmegaU { get; }

    /// <summary>Relaxation rate of the inhibitor populations.</summary>
    public double OmegaV { get; }

    /// <summary>Whether the reaction terms are on.</summary>
    public bool HasReaction => _reaction;

    /// <summary>Steps taken since the last <see cref="SetEquilibrium(ReadOnlySpan{double})"/> or <see cref="CopyStateFrom"/>.</summary>
    public long StepCount { get; private set; }

    /// <summary>Lifts a channel-major observable [u(0..N−1), v(0..N−1)] to equilibrium: f₊ = f₀ = f₋ = ρ/3.</summary>
    public void SetEquilibrium(ReadOnlySpan<double> observable)
    {
        if (observable.Length != 2 * _nodes)
            throw new ArgumentException($"expected {2 * _nodes} values [u(0..{_nodes - 1}), v(0..{_nodes - 1})], got {observable.Length}", nameof(observable));
        SetEquilibrium(observable[.._nodes], observable[_nodes..]);
    }

    /// <summary>Lifts densities u, v (one value per node) to equilibrium: f₊ = f₀ = f₋ = ρ/3.</summary>
    public void SetEquilibrium(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        if (u.Length != _nodes) throw new ArgumentException($"expected {_nodes} activator values, got {u.Length}", nameof(u));
        if (v.Length != _nodes) throw new ArgumentException($"expected {_nodes} inhibitor values, got {v.Length}", nameof(v));
        Array.Clear(_current);
        Array.Clear(_next);
        for (int j = 0; j < _nodes; j++)
        {
            // Reference: f1 = 1/3*rho0 and f0 = f_1 = f1.
            double fu = Third * u[j], fv = Third * v[j];
            int p = 1 + j;
            _current[URight * _stride + p] = _current[URest * _stride + p] = _current[ULeft * _stride + p] = fu;
            _current[VRight * _stride + p] = _current[VRest * _stride + p] = _current[VLeft * _stride + p] = fv;
        }
        u.CopyTo(_lifted);
        v.CopyTo(_lifted.AsSpan(_nodes));
        _liftedValid = true;
        StepCount = 0;
    }

    /// <summary>Copies the populations (and step count) of another solver with the same grid.</summary>
    public void CopyStateFrom(LatticeBoltzmannD1Q3 source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source._nodes != _nodes) throw new ArgumentException($"source has {source._nodes} nodes, this solver {_nodes}", nameof(source));
        source._current.CopyTo(_current, 0);
        source._lifted.CopyTo(_lifted, 0);
        _liftedValid = source._liftedValid;
        StepCount = source.StepCount;
    }

    /// <summary>Writes the densities channel-major, [u(0..N−1), v(0..N−1)], with ρ = f₀ + f₊ + f₋.</summary>
    public void GetDensities(Span<double> observable)
    {
        if (observable.Length != 2 * _nodes)
            throw new ArgumentException($"expected room for {2 * _nodes} values, got {observable.Length}", nameof(observable));
        GetDensities(observable[.._nodes], observable[_nodes..]);
    }

    /// <summary>Writes the activator and inhibitor densities (one value per node).</summary>
    public void GetDensities(Span<double> u, Span<double> v)
    {
        if (u.Length != _nodes) throw new ArgumentException($"expected room for {_nodes} activator values, got {u.Length}", nameof(u));
        if (v.Length != _nodes) throw new ArgumentException($"expected room for {_nodes} inhibitor values, got {v.Length}", nameof(v));
        if (_liftedValid)
        {
            _lifted.AsSpan(0, _nodes).CopyTo(u);
            _lifted.AsSpan(_nodes).CopyTo(v);
            return;
        }
        for (int j = 0; j < _nodes; j++)
        {
            u[j] = Density(0, j);
            v[j] = Density(1, j);
        }
    }

    /// <summary>The density of one species (0 = u, 1 = v) at one node.</summary>
    public double Density(int species, int node)
    {
        if ((uint)species > 1) throw new ArgumentOutOfRangeException(nameof(species), species, "0 (u) or 1 (v)");
        if ((uint)node >= (uint)_nodes) throw new ArgumentOutOfRangeException(nameof(node), node, $"0..{_nodes - 1}");
        if (_liftedValid) return _lifted[species * _nodes + node];
        int row = 3 * species, p = 1 + node;
        // Reference: rho = f0 + f1 + f_1.
        return _current[(row + 1) * _stride + p] + _current[row * _stride + p] + _current[(row + 2) * _stride + p];
    }

    /// <summary>Copies one species' populations (0 = u, 1 = v): right-movers f₊, rest f₀, left-movers f₋.</summary>
    public void GetPopulations(int species, Span<double> right, Span<double> rest, Span<double> left)
    {
        if ((uint)species > 1) throw new ArgumentOutOfRangeException(nameof(species), species, "0 (u) or 1 (v)");
        if (right.Length != _nodes || rest.Length != _nodes || left.Length != _nodes)
            throw new ArgumentException($"each span needs {_nodes} values");
        int row = 3 * species;
        _current.AsSpan(row * _stride + 1, _nodes).CopyTo(right);
        _current.AsSpan((row + 1) * _stride + 1, _nodes).CopyTo(rest);
        _current.AsSpan((row + 2) * _stride + 1, _nodes).CopyTo(left);
    }

    /// <summary>Takes <paramref name="count"/> steps.</summary>
    public void Step(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (long k = 0; k < count; k++) Step();
    }

    /// <summary>Takes one step: collision with reaction, streaming, boundaries.</summary>
    public void Step()
    {
        if (_vectorized) CollideAndStreamVector();
        else CollideAndStreamScalar();

        // Boundaries. Left: node 0's right-mover is its own f*₊[0], which streaming put into node 1's slot.
        // Right: the last node's left-mover is the new right-mover of that node (= f*₊[N−2]).
        double[] next = _next;
        int s = _stride, n = _nodes;
        next[URight * s + 1] = next[URight * s + 2];
        next[VRight * s + 1] = next[VRight * s + 2];
        next[ULeft * s + n] = next[URight * s + n];
        next[VLeft * s + n] = next[VRight * s + n];

        (_current, _next) = (_next, _current);
        _liftedValid = false;
        StepCount++;
    }

    private void CollideAndStreamScalar()
    {
        // Row references instead of indexed arrays: no bounds checks in the loop (node j at p = j + 1 of each row).
        ref double c = ref MemoryMarshal.GetArrayDataReference(_current);
        ref double x = ref MemoryMarshal.GetArrayDataReference(_next);
        int s = _stride;
        ref double cUp = ref Unsafe.Add(ref c, URight * s), cU0 = ref Unsafe.Add(ref c, URest * s), cUm = ref Unsafe.Add(ref c, ULeft * s);
        ref double cVp = ref Unsafe.Add(ref c, VRight * s), cV0 = ref Unsafe.Add(ref c, VRest * s), cVm = ref Unsafe.Add(ref c, VLeft * s);
        ref double xUp = ref Unsafe.Add(ref x, URight * s), xU0 = ref Unsafe.Add(ref x, URest * s), xUm = ref Unsafe.Add(ref x, ULeft * s);
        ref double xVp = ref Unsafe.Add(ref x, VRight * s), xV0 = ref Unsafe.Add(ref x, VRest * s), xVm = ref Unsafe.Add(ref x, VLeft * s);
        double negOmegaU = _negOmegaU, negOmegaV = _negOmegaV, scaleU = _reactionScaleU, scaleV = _reactionScaleV, a0 = _a0, a1 = _a1;
        for (int p = 1; p <= _nodes; p++)
        {
            double up = Unsafe.Add(ref cUp, p), u0 = Unsafe.Add(ref cU0, p), um = Unsafe.Add(ref cUm, p);
            double vp = Unsafe.Add(ref cVp, p), v0 = Unsafe.Add(ref cV0, p), vm = Unsafe.Add(ref cVm, p);
            double ru = u0 + up + um;
            double rv = v0 + vp + vm;
            double qu = Third * ru, qv = Third * rv;
            double su = scaleU * (ru - ru * ru * ru - rv);
            double sv = scaleV * (ru - a1 * rv - a0);
            Unsafe.Add(ref xUp, p + 1) = up + negOmegaU * (up - qu) + su;
            Unsafe.Add(ref xU0, p) = u0 + negOmegaU * (u0 - qu) + su;
            Unsafe.Add(ref xUm, p - 1) = um + negOmegaU * (um - qu) + su;
            Unsafe.Add(ref xVp, p + 1) = vp + negOmegaV * (vp - qv) + sv;
            Unsafe.Add(ref xV0, p) = v0 + negOmegaV * (v0 - qv) + sv;
            Unsafe.Add(ref xVm, p - 1) = vm + negOmegaV * (vm - qv) + sv;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CollideAndStreamVector()
    {
        ref double c = ref MemoryMarshal.GetArrayDataReference(_current);
        ref double x = ref MemoryMarshal.GetArrayDataReference(_next);
        nuint s = (nuint)_stride;
        int n = _nodes, w = Vector<double>.Count;
        var third = new Vector<double>(Third);
        var negOmegaU = new Vector<double>(_negOmegaU);
        var negOmegaV = new Vector<double>(_negOmegaV);
        var scaleU = new Vector<double>(_reactionScaleU);
        var scaleV = new Vector<double>(_reactionScaleV);
        var a0 = new Vector<double>(_a0);
        var a1 = new Vector<double>(_a1);

        // Nodes j..j+w−1 per pass; the last pass is moved back to end at node n−1. It may redo nodes, which is
        // harmless: it reads only the current buffer and writes the same values again.
        for (int j = 0; ; j += w)
        {
            if (j > n - w) j = n - w;
            nuint p = (nuint)(j + 1);
            var up = Vector.LoadUnsafe(ref c, URight * s + p);
            var u0 = Vector.LoadUnsafe(ref c, URest * s + p);
            var um = Vector.LoadUnsafe(ref c, ULeft * s + p);
            var vp = Vector.LoadUnsafe(ref c, VRight * s + p);
            var v0 = Vector.LoadUnsafe(ref c, VRest * s + p);
            var vm = Vector.LoadUnsafe(ref c, VLeft * s + p);
            var ru = u0 + up + um;
            var rv = v0 + vp + vm;
            var qu = third * ru;
            var qv = third * rv;
            var su = scaleU * (ru - ru * ru * ru - rv);
            var sv = scaleV * (ru - a1 * rv - a0);
            (up + negOmegaU * (up - qu) + su).StoreUnsafe(ref x, URight * s + p + 1);
            (u0 + negOmegaU * (u0 - qu) + su).StoreUnsafe(ref x, URest * s + p);
            (um + negOmegaU * (um - qu) + su).StoreUnsafe(ref x, ULeft * s + p - 1);
            (vp + negOmegaV * (vp - qv) + sv).StoreUnsafe(ref x, VRight * s + p + 1);
            (v0 + negOmegaV * (v0 - qv) + sv).StoreUnsafe(ref x, VRest * s + p);
            (vm + negOmegaV * (vm - qv) + sv).StoreUnsafe(ref x, VLeft * s + p - 1);
            if (j == n - w) break;
        }
    }
}
