using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;
using Led.Toolkit.Validation;

namespace Led.Propagators.MixtureDensityLstm;

/// <summary>Options of the <c>MixtureDensityLstm</c> propagator.</summary>
public sealed class MixtureDensityLstmOptions : IShapeOptions
{
    /// <summary>Hidden units d_h of the LSTM.</summary>
    [Range(1, 65536, ErrorMessage = "hidden must be in [1, 65536]")]
    public int Hidden { get; set; } = 64;

    /// <summary>Mixture components K of the next-latent distribution.</summary>
    [Range(1, 256, ErrorMessage = "components must be in [1, 256]")]
    public int Components { get; set; } = 3;

    /// <summary>Component means relative to the current latent, μ_k = z_t + head_k(h_t) (starts near the identity map).</summary>
    public bool Residual { get; set; } = true;

    /// <summary>Checks the options; the latent space is the one given.</summary>
    /// <exception cref="ArgumentException">Invalid options, or no latent space.</exception>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        OptionsValidation.ThrowIfInvalid(this, "MixtureDensityLstm");
        return latent;
    }
}
