using System.ComponentModel.DataAnnotations;
using Led.Abstractions.Learning;
using Led.Abstractions.Systems;

namespace Led.Propagators.Lstm;

/// <summary>Options of the <c>Lstm</c> propagator.</summary>
public sealed class LstmOptions : IShapeOptions
{
    /// <summary>Hidden units d_h of every layer (paper: 256 for KS, 32 for FHN).</summary>
    [Range(1, 65536, ErrorMessage = "hidden must be in [1, 65536]")]
    public int Hidden { get; set; } = 64;

    /// <summary>The recurrent cell: <c>lstm</c> (the paper's) or <c>gru</c>.</summary>
    [EnumDataType(typeof(RecurrentCell), ErrorMessage = "cell must be lstm or gru")]
    public RecurrentCell Cell { get; set; } = RecurrentCell.Lstm;

    /// <summary>Stacked recurrent layers; layer l + 1 reads the hidden state of layer l, the head reads the last (paper: 1).</summary>
    [Range(1, 16, ErrorMessage = "layers must be between 1 and 16")]
    public int Layers { get; set; } = 1;

    /// <summary>Activation of the linear output head: <c>tanhplus</c> (0.5 + 0.5·tanh, for [0, 1]-scaled latents) or <c>identity</c>.</summary>
    public LstmOutput Output { get; set; } = LstmOutput.TanhPlus;

    /// <summary>
    /// Predict an increment instead of the state: ẑ_{t+Δt} = z_t + W h_t + b with the identity output, or, with tanhplus,
    /// ẑ_{t+Δt} = tanhplus(tanhplus⁻¹(z_t) + W h_t + b) — bounded in (0, 1) like the paper's output, but starting from the
    /// identity map, which the network otherwise has to learn first. Not the paper's form; it learns in far fewer epochs.
    /// </summary>
    public bool Residual { get; set; }

    /// <summary>Nothing to check against the shapes: an LSTM takes any latent dimension; the latent space is the one given.</summary>
    /// <exception cref="ArgumentException">No latent space.</exception>
    public LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        return latent;
    }
}
