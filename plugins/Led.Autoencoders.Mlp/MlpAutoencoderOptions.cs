using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Toolkit.Learning;
using Led.Toolkit.Validation;

namespace Led.Autoencoders.Mlp;

/// <summary>
/// Options of the <c>MlpAutoencoder</c> autoencoder (reference flag <c>-AUTO_&lt;Layers&gt;x&lt;Width&gt;</c>); the defaults are
/// the paper's FHN model, 3×100 with d_z = 2.
/// </summary>
public sealed class MlpAutoencoderOptions : IValidatableObject, IShapeOptions
{
    /// <summary>Latent dimension d_z.</summary>
    [Range(1, 1 << 20, ErrorMessage = "LatentDim must be a positive integer (the paper's FHN model uses 2).")]
    public int LatentDim { get; set; } = 2;

    /// <summary>Hidden layers n of the encoder (and of the decoder): one input layer and n − 1 residual ones.</summary>
    [Range(1, 64, ErrorMessage = "Layers must be between 1 and 64 (the paper's FHN model uses 3).")]
    public int Layers { get; set; } = 3;

    /// <summary>Width w of every hidden layer.</summary>
    [Range(1, 1 << 16, ErrorMessage = "Width must be between 1 and 65536 (the paper's FHN model uses 100).")]
    public int Width { get; set; } = 100;

    /// <summary>
    /// Widths of the hidden layers of the encoder, first to last, replacing <see cref="Layers"/> × <see cref="Width"/>
    /// when set; the decoder uses them reversed. A layer whose input and output widths agree keeps the identity skip.
    /// </summary>
    public List<int>? HiddenWidths { get; set; }

    /// <summary>Activation after every hidden layer and on the latent (default <c>celu</c>, the reference's).</summary>
    public Activation Activation { get; set; } = Activation.Celu;

    /// <summary>The hidden widths in use: <see cref="HiddenWidths"/> if set, else <see cref="Layers"/> times <see cref="Width"/>.</summary>
    public IReadOnlyList<int> EffectiveHiddenWidths => HiddenWidths ?? [.. Enumerable.Repeat(Width, Layers)];

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var error in LayerOptionRules.Activation(Activation))
            yield return error;
        if (HiddenWidths is null) yield break;
        if (HiddenWidths.Count is < 1 or > 64)
            yield return new ValidationResult(
                $"HiddenWidths lists {HiddenWidths.Count} layers; list between 1 and 64 widths, e.g. [100, 100, 100] (or remove it to use Layers x Width).",
                [nameof(HiddenWidths)]);
        for (int i = 0; i < HiddenWidths.Count; i++)
            if (HiddenWidths[i] is < 1 or > 1 << 16)
                yield return new ValidationResult(
                    $"HiddenWidths[{i}] is {HiddenWidths[i]}; every width must be between 1 and 65536, e.g. [100, 100, 100].",
                    [nameof(HiddenWidths)]);
    }

    /// <summary>All validation errors (attributes and cross-field rules); empty when the options are valid.</summary>
    public IReadOnlyList<ValidationResult> Errors() => OptionsValidation.Errors(this);

    /// <summary>Throws an <see cref="ArgumentException"/> listing every error when the options are invalid.</summary>
    public void ThrowIfInvalid() => OptionsValidation.ThrowIfInvalid(this, "MlpAutoencoder");

    /// <summary>Checks the options and that the observable is not empty; the latent space is d_z.</summary>
    /// <exception cref="ArgumentException">Invalid options or an empty observable.</exception>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(system);
        ThrowIfInvalid();
        if (system.Channels.Count < 1 || system.Shape.Any(s => s < 1))
            throw new ArgumentException(
                $"MlpAutoencoder needs at least one channel and one grid point per dimension, but the system's observable shape is [{string.Join(", ", system.Shape)}].",
                nameof(system));
        return new LatentSpace(LatentDim);
    }
}
