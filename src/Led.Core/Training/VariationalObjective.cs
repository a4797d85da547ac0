using static TorchSharp.torch;

namespace Led.Core.Training;

/// <summary>
/// The β-VAE objective's two pieces for a diagonal Gaussian q(z|x) = N(μ, diag σ²) and the prior N(0, I).
/// KL: KL(q ‖ N(0, I)) = ½·Σ_j (μ_j² + σ_j² − 1 − log σ_j²) over the d_z latent dimensions of each state, in closed form.
/// Sampling: the reparameterisation z = μ + exp(½·log σ²)·ε with ε ~ N(0, I) drawn from a given generator, so that the
/// gradient reaches μ and log σ² and a seeded generator repeats the same draws.
/// Normalisation: the reconstruction loss is per value of the state (MSE, or the NLL per value), so the KL of a state is
/// divided by its number of values S: loss = reconstruction + β·KL/S, which is (Σ squared errors + β·Σ KL)/(B·S) for MSE.
/// </summary>
public static class VariationalObjective
{
    /// <summary>KL(N(μ, σ²) ‖ N(0, I)) of each row, summed over the latent dimensions: <c>[B, d_z]</c> → <c>[B]</c>.</summary>
    public static Tensor KullbackLeibler(Tensor mean, Tensor logVariance)
    {
        using var scope = NewDisposeScope();
        return mean.square().add(logVariance.exp()).sub(1).sub(logVariance).sum(1).mul(0.5).MoveToOuterDisposeScope();
    }

    /// <summary>z = μ + exp(½·log σ²)·ε, ε ~ N(0, I) from <paramref name="generator"/> (on the CPU, moved to μ's device).</summary>
    public static Tensor Sample(Tensor mean, Tensor logVariance, Generator generator)
    {
        using var scope = NewDisposeScope();
        var epsilon = randn(mean.shape, mean.dtype, generator: generator).to(mean.device);
        return mean.add(logVariance.mul(0.5).exp().mul(epsilon)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The training loss of a batch: <paramref name="reconstruction"/> (per value) + β·mean over the batch of KL/S, with
    /// S = <paramref name="valuesPerState"/>. β = 0 returns <paramref name="reconstruction"/> unchanged.
    /// </summary>
    public static Tensor Loss(Tensor reconstruction, Tensor mean, Tensor logVariance, double beta, long valuesPerState)
    {
        if (beta == 0) return reconstruction;
        using var scope = NewDisposeScope();
        return reconstruction.add(KullbackLeibler(mean, logVariance).mean().mul(beta / valuesPerState)).MoveToOuterDisposeScope();
    }
}
