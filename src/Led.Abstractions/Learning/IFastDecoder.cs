namespace Led.Abstractions.Learning;

/// <summary>An autoencoder's decoder compiled for one state on plain arrays (no allocation per call).</summary>
public interface IFastDecoder
{
    /// <summary>Decodes d_z latent values into one scaled state (channel-major).</summary>
    void Decode(ReadOnlySpan<double> latent, Span<double> state);
}
