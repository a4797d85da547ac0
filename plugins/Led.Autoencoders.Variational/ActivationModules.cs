using static TorchSharp.torch;

namespace Led.Autoencoders.Variational;

/// <summary>The parameter-free module of each <see cref="VariationalActivation"/>.</summary>
internal static class ActivationModules
{
    public static nn.Module<Tensor, Tensor> Create(VariationalActivation activation) => activation switch
    {
        VariationalActivation.Celu => nn.CELU(),
        VariationalActivation.Tanh => nn.Tanh(),
        VariationalActivation.Relu => nn.ReLU(),
        VariationalActivation.Silu => nn.SiLU(),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "unknown activation"),
    };
}
