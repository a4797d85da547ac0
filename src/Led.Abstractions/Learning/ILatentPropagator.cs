using TorchSharp;

namespace Led.Abstractions.Learning;

/// <summary>
/// Propagates latent states in time: given z_t it predicts ẑ_{t+Δt}, carrying its own memory
/// (e.g. an LSTM's hidden state) in a <see cref="PropagatorState"/>.
/// </summary>
public interface ILatentPropagator
{
    /// <summary>A fresh memory for a batch of <paramref name="batchSize"/> trajectories.</summary>
    PropagatorState Start(int batchSize);

    /// <summary>
    /// Feeds latents <c>[B, T, d_z]</c> in order and returns the prediction after each, <c>[B, T, d_z]</c>
    /// (output t predicts input t+1), advancing <paramref name="state"/>. Teacher forcing passes true latents;
    /// iterative forecasting passes its own last prediction with T = 1.
    /// </summary>
    torch.Tensor Forward(PropagatorState state, torch.Tensor latents);
}
