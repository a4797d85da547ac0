using System.Numerics;
using System.Numerics.Tensors;
using Led.Toolkit.Learning;

namespace Led.Propagators.Lstm;

/// <summary>
/// One GRU layer (PyTorch semantics, gate order r, z, n): a = W_ih x + b_ih and b = W_hh h + b_hh
/// (<see cref="DenseKernels.MatVec{T}"/>), r = σ(a_r + b_r), z = σ(a_z + b_z), n = tanh(a_n + r ⊙ b_n),
/// h ← (1 − z) n + z h, computed as n + z (h − n). The recurrent product stays separate from the input one because r
/// multiplies only its n rows. No allocation per step.
/// </summary>
internal sealed class GruLayer<T> : IRecurrentLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _hidden;
    private readonly T[] _wih, _whh, _bih, _bhh, _a, _b, _h;

    public GruLayer(int inputs, int hidden, double[] wih, double[] whh, double[] bih, double[] bhh)
    {
        _hidden = hidden;
        if (wih.Length != 3 * hidden * inputs || whh.Length != 3 * hidden * hidden)
            throw new ArgumentException($"a GRU layer of {hidden} units on {inputs} inputs needs weights [{3 * hidden}, {inputs}] and [{3 * hidden}, {hidden}]");
        (_wih, _whh) = (Convert(wih), Convert(whh));
        (_bih, _bhh) = (Convert(bih), Convert(bhh));
        _a = new T[3 * hidden];
        _b = new T[3 * hidden];
        _h = new T[hidden];
    }

    private static T[] Convert(double[] values) => values.Select(T.CreateTruncating).ToArray();

    public void Reset() => Array.Clear(_h);

    public ReadOnlySpan<T> Step(ReadOnlySpan<T> input)
    {
        int h = _hidden;
        DenseKernels.MatVec<T>(_wih, _bih, input, _a);
        DenseKernels.MatVec<T>(_whh, _bhh, _h, _b);
        Span<T> a = _a, b = _b;
        Span<T> rz = a[..(2 * h)], r = a[..h], z = a.Slice(h, h), n = a.Slice(2 * h, h), difference = b[..h];
        TensorPrimitives.Add(rz, b[..(2 * h)], rz);
        TensorPrimitives.Sigmoid(rz, rz);
        TensorPrimitives.MultiplyAdd(r, b.Slice(2 * h, h), n, n);
        TensorPrimitives.Tanh(n, n);
        TensorPrimitives.Subtract(_h, n, difference);
        TensorPrimitives.MultiplyAdd(z, difference, n, _h);
        return _h;
    }
}
