using TorchSharp;

namespace Led.Abstractions.Learning;

/// <summary>
/// An encoder that returns a diagonal Gaussian q(z|x) over latents for each state (a variational autoencoder's):
/// <see cref="IEncoder.Encode"/> is its mean, so forecasts stay deterministic. The autoencoder training adds
/// β·KL(q(z|x) ‖ N(0, I)) to the reconstruction loss and decodes latents drawn from q by the reparameterisation
/// z = μ + exp(½·log σ²)·ε.
/// </summary>
public interface IVariationalEncoder : IEncoder
{
    /// <summary>The weight β ≥ 0 of the Kullback–Leibler term in the training loss (1: the plain VAE; 0: no regularisation).</summary>
    double Beta { get; }

    /// <summary>
    /// The mean μ and the log-variance log σ² of the latent Gaussian of each scaled state, <c>[B, …observable shape]</c> →
    /// <c>[B, d_z]</c> each; μ equals what <see cref="IEncoder.Encode"/> returns for the same states.
    /// </summary>
    (torch.Tensor Mean, torch.Tensor LogVariance) EncodeDistribution(torch.Tensor states);
}
