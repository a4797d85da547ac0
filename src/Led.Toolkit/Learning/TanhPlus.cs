using static TorchSharp.torch;

namespace Led.Toolkit.Learning;

/// <summary>The reference's output activation tanhplus(x) = 0.5 + 0.5·tanh(x), with range (0, 1) like MinMax-scaled data.</summary>
public sealed class TanhPlus : nn.Module<Tensor, Tensor>
{
    /// <summary>A module without parameters.</summary>
    public TanhPlus() : base(nameof(TanhPlus))
    {
    }

    /// <summary>0.5 + 0.5·tanh(<paramref name="input"/>), elementwise.</summary>
    public override Tensor forward(Tensor input)
    {
        using var tanh = input.tanh();
        return tanh.mul(0.5).add_(0.5);
    }
}
