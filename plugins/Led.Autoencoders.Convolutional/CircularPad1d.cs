using TorchSharp;
using static TorchSharp.torch;

namespace Led.Autoencoders.Convolutional;

/// <summary>Pads the last dimension of <c>[B, C, X]</c> by wrapping: <paramref name="left"/> values from the right end before, <paramref name="right"/> from the left end after.</summary>
internal sealed class CircularPad1d(long left, long right) : nn.Module<Tensor, Tensor>(nameof(CircularPad1d))
{
    public override Tensor forward(Tensor input) => nn.functional.pad(input, (left, right), PaddingModes.Circular);
}
