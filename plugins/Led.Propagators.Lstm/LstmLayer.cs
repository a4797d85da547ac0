using System.Numerics;
using Led.Toolkit.Learning;

namespace Led.Propagators.Lstm;

/// <summary>
/// One LSTM layer (PyTorch semantics, gate order i, f, g, o) on <see cref="LstmCellKernel{T}"/>: the gate pre-activations
/// [W_ih | W_hh] [x; h] + b_ih + b_hh in register-tiled blocks of hidden units over pre-packed weights, the gate
/// nonlinearities and the cell update fused into each block. No allocation per step.
/// </summary>
internal sealed class LstmLayer<T>(int inputs, int hidden, double[] wih, double[] whh, double[] bih, double[] bhh) : IRecurrentLayer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly LstmCellKernel<T> _kernel = new(inputs, hidden, wih, whh, bih, bhh);

    public void Reset() => _kernel.Reset();

    public ReadOnlySpan<T> Step(ReadOnlySpan<T> input) => _kernel.Step(input);
}
