using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Led.Autoencoders.Mlp;

/// <summary>
/// The reference's linear wrapper: a child <c>layer</c> (so parameters are named <c>….layer.weight/bias</c>), residual
/// (x + layer(x)) whenever its input size equals its output size.
/// </summary>
internal sealed class ReferenceLinear : nn.Module<Tensor, Tensor>
{
    private readonly Linear _layer;

    public ReferenceLinear(long inFeatures, long outFeatures, Device device, ScalarType dtype) : base(nameof(ReferenceLinear))
    {
        _layer = nn.Linear(inFeatures, outFeatures, device: device, dtype: dtype);
        IsResidual = inFeatures == outFeatures;
        register_module("layer", _layer);
    }

    /// <summary>Whether the identity skip is added.</summary>
    public bool IsResidual { get; }

    public override Tensor forward(Tensor input)
    {
        if (!IsResidual)
            return _layer.call(input);
        using var linear = _layer.call(input);
        return linear.add(input);
    }
}
