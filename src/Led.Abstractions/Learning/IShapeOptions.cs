using Led.Abstractions.Systems;

namespace Led.Abstractions.Learning;

/// <summary>
/// Implemented by the options class of an encoder, autoencoder, decoder or propagator: checks the options against the
/// shapes the component would be built for, and gives its latent space, without building it (no tensors, no arrays the
/// size of its parameters). <c>led validate</c> and the checks before every run decide with it, so they take the same
/// time for any model size; the component's constructor calls it too, so both refuse the same options.
/// </summary>
public interface IShapeOptions
{
    /// <param name="system">The configured system.</param>
    /// <param name="latent">The latent space a decoder or propagator is built for; null for an encoder or autoencoder.</param>
    /// <returns>The latent space the component works in: the one an encoder or autoencoder with these options produces,
    /// otherwise <paramref name="latent"/>.</returns>
    /// <exception cref="ArgumentException">The options do not fit the shapes; the message names the option and the fix.</exception>
    LatentSpace CheckShapes(SystemDescription system, LatentSpace? latent);
}
