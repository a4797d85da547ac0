using System.ComponentModel.DataAnnotations;
using Led.Toolkit.Validation;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;

namespace Led.Propagators.Mlp;

/// <summary>Options of the <c>Mlp</c> propagator; the defaults are 3 hidden layers of 100 CELU units and a tanhplus output.</summary>
public sealed class MlpPropagatorOptions : IShapeOptions
{
    /// <summary>Hidden layers.</summary>
    [Range(1, 64, ErrorMessage = "layers must be between 1 and 64")]
    public int Layers { get; set; } = 3;

    /// <summary>Units of every hidden layer.</summary>
    [Range(1, 65536, ErrorMessage = "width must be between 1 and 65536")]
    public int Width { get; set; } = 100;

    /// <summary>Activation of the hidden layers: <c>celu</c>, <c>tanh</c> or <c>relu</c>.</summary>
    [EnumDataType(typeof(MlpActivation), ErrorMessage = "activation must be celu, tanh or relu")]
    public MlpActivation Activation { get; set; } = MlpActivation.Celu;

    /// <summary>Activation of the output layer: <c>tanhplus</c> (for [0, 1]-scaled latents) or <c>identity</c>.</summary>
    [EnumDataType(typeof(MlpOutput), ErrorMessage = "output must be tanhplus or identity")]
    public MlpOutput Output { get; set; } = MlpOutput.TanhPlus;

    /// <summary>
    /// Predict an increment instead of the state, as the <c>Lstm</c> propagator's option: ẑ = z + f(z) with the identity
    /// output, ẑ = tanhplus(tanhplus⁻¹(z) + f(z)) with tanhplus, where f is the network before its output activation.
    /// </summary>
    public bool Residual { get; set; }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every error when the options are invalid.</summary>
    public void ThrowIfInvalid() => OptionsValidation.ThrowIfInvalid(this, "Mlp propagator");

    /// <summary>Checks the options (an MLP takes any latent dimension); the latent space is the one given.</summary>
    /// <exception cref="ArgumentException">Invalid options.</exception>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        ThrowIfInvalid();
        return latent;
    }
}
