using static TorchSharp.torch;

namespace Led.Toolkit.Learning;

/// <summary>The TorchSharp module of an <see cref="Activation"/> (no parameters, so it changes no parameter names).</summary>
public static class ActivationLayer
{
    /// <summary>A new module applying <paramref name="activation"/> elementwise.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An undefined <see cref="Activation"/> value.</exception>
    public static nn.Module<Tensor, Tensor> Create(Activation activation) => activation switch
    {
        Activation.Celu => nn.CELU(),
        Activation.Relu => nn.ReLU(),
        Activation.Tanh => nn.Tanh(),
        Activation.Elu => nn.ELU(),
        Activation.Selu => nn.SELU(),
        Activation.Gelu => nn.GELU(),
        Activation.Silu => nn.SiLU(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown activation; use celu, relu, tanh, elu, selu, gelu or silu"),
    };
}
