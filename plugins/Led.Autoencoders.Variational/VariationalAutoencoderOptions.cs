using Led.Toolkit.Learning;
using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Toolkit.Validation;

namespace Led.Autoencoders.Variational;

/// <summary>
/// Options of the <c>VariationalAutoencoder</c> (β-VAE) autoencoder. The backbone's sizes: <see cref="Layers"/> ×
/// <see cref="Width"/> for <c>mlp</c>, <see cref="Channels"/> and <see cref="Kernel"/> for <c>conv1d</c>; the other
/// backbone's sizes are ignored.
/// </summary>
public sealed class VariationalAutoencoderOptions : IValidatableObject, IShapeOptions
{
    /// <summary>Largest number of convolutional layers accepted (each halves the padded width).</summary>
    public const int MaxConvLayers = 16;

    /// <summary>Latent dimension d_z.</summary>
    [Range(1, 1 << 20, ErrorMessage = "LatentDim must be a positive integer (e.g. 2 for FHN, 8 for KS).")]
    public int LatentDim { get; set; } = 2;

    /// <summary>Weight β ≥ 0 of KL(q(z|x) ‖ N(0, I)) in the training loss: 1 is the plain VAE, 0 an autoencoder with noisy latents.</summary>
    [Range(0.0, double.MaxValue, ErrorMessage = "Beta must be a finite number >= 0 (1: the plain VAE; smaller values weigh the reconstruction more).")]
    public double Beta { get; set; } = 1;

    /// <summary>The network: <c>mlp</c> (any grid) or <c>conv1d</c> (systems on a 1-D grid).</summary>
    public VariationalBackbone Backbone { get; set; } = VariationalBackbone.Mlp;

    /// <summary>Activation of the hidden layers.</summary>
    public Activation Activation { get; set; } = Activation.Celu;

    /// <summary>mlp: hidden layers of the encoder (and of the decoder).</summary>
    [Range(1, 64, ErrorMessage = "Layers must be between 1 and 64 (e.g. 3).")]
    public int Layers { get; set; } = 3;

    /// <summary>mlp: width of every hidden layer.</summary>
    [Range(1, 1 << 16, ErrorMessage = "Width must be between 1 and 65536 (e.g. 100).")]
    public int Width { get; set; } = 100;

    /// <summary>conv1d: output channels of the encoder's convolutions, first to last (the decoder uses them reversed).</summary>
    [Required(ErrorMessage = "Channels must list the channels of each convolutional layer, e.g. [16, 32, 8].")]
    [MinLength(1, ErrorMessage = "Channels must list at least one layer's channels, e.g. [16, 32, 8].")]
    public List<int> Channels { get; set; } = [16, 32, 8];

    /// <summary>conv1d: kernel size of every convolution (odd, so that the (k−1)/2 zero padding keeps the width).</summary>
    [Range(1, 1001, ErrorMessage = "Kernel must be an odd kernel size between 1 and 1001 (e.g. 5).")]
    public int Kernel { get; set; } = 5;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!double.IsFinite(Beta))
            yield return new ValidationResult("Beta must be a finite number >= 0 (1: the plain VAE).", [nameof(Beta)]);
        if (!Enum.IsDefined(Backbone))
            yield return new ValidationResult($"Backbone {(int)Backbone} is not one; use 'mlp' or 'conv1d'.", [nameof(Backbone)]);
        foreach (var error in LayerOptionRules.Activation(Activation))
            yield return error;
        if (Kernel >= 1 && Kernel % 2 == 0)
            yield return new ValidationResult(
                $"Kernel ({Kernel}) must be odd so that the zero padding of (Kernel-1)/2 on each side keeps the width; use e.g. {Kernel + 1}.",
                [nameof(Kernel)]);
        if (Channels is { Count: > 0 })
        {
            if (Channels.Count > MaxConvLayers)
                yield return new ValidationResult(
                    $"Channels lists {Channels.Count} layers; at most {MaxConvLayers} are supported (each layer halves the width).", [nameof(Channels)]);
            for (int i = 0; i < Channels.Count; i++)
                if (Channels[i] < 1)
                    yield return new ValidationResult(
                        $"Channels[{i}] is {Channels[i]}; every layer needs at least one channel, e.g. [16, 32, 8].", [nameof(Channels)]);
        }
    }

    /// <summary>All validation errors (attributes and cross-field rules); empty when the options are valid.</summary>
    public IReadOnlyList<ValidationResult> Errors() => OptionsValidation.Errors(this);

    /// <summary>Throws an <see cref="ArgumentException"/> listing every error when the options are invalid.</summary>
    public void ThrowIfInvalid() => OptionsValidation.ThrowIfInvalid(this, "VariationalAutoencoder");

    /// <summary>
    /// Checks the options and the observable (not empty; a 1-D grid for <c>conv1d</c>); the latent space is d_z.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid options, or an observable the backbone cannot take.</exception>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(system);
        ThrowIfInvalid();
        string shape = "[" + string.Join(", ", system.Shape) + "]";
        if (Backbone == VariationalBackbone.Conv1d && system.Grid.Count != 1)
            throw new ArgumentException(
                $"VariationalAutoencoder with backbone conv1d needs a system on a 1-D grid, observable shape [channels, X], but the system's " +
                $"observable shape is {shape} ({system.Grid.Count} spatial dimension{(system.Grid.Count == 1 ? "" : "s")}); " +
                "set backbone to mlp, which flattens any grid.");
        if (system.Channels.Count < 1 || system.Shape.Any(s => s < 1))
            throw new ArgumentException(
                $"VariationalAutoencoder needs at least one channel and one grid point per dimension, but the system's observable shape is {shape}.");
        return new LatentSpace(LatentDim);
    }

    /// <summary>conv1d: the width a grid of <paramref name="width"/> points is zero-padded to, the next multiple of 2^layers.</summary>
    internal int PaddedWidthOf(int width)
    {
        int step = 1 << Channels.Count;
        return checked((width + step - 1) / step * step);
    }
}
