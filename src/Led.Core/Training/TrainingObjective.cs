using Led.Abstractions.Learning;
using Led.Core.Configuration;
using static TorchSharp.torch;

namespace Led.Core.Training;

/// <summary>
/// The loss terms of LED training on one chunk of a window (spec §3.5), each an MSE averaged over features, batch and
/// time: L_out, the decoded forecast against the next frames; L_lat, the propagator's forecast against the encodings of
/// the next frames, in unscaled latent units; L_rec, the reconstruction of the chunk's frames. The training loss is the
/// mean of the terms <see cref="TrainingOptions"/> enables. With a latent scaler (a sequentially trained model) the
/// propagator runs on scaled latents and its forecasts are unscaled before they are scored or decoded, as in training and
/// in Latent-LED. With point <paramref name="weights"/> (<see cref="ReconstructionWeights"/>) L_rec weighs the squared
/// errors point by point.
/// </summary>
/// <param name="weights">Grid-shaped point weights of L_rec, or null for the plain MSE.</param>
public sealed class TrainingObjective(TrainingOptions options, LatentScaler? latentScaler = null, Tensor? weights = null)
{
    /// <summary>The term names in the order of <see cref="Terms"/>.</summary>
    public static readonly string[] Names = ["output", "latent", "reconstruction"];

    /// <summary>Whether each term of <see cref="Names"/> is part of the training loss.</summary>
    public bool[] Enabled { get; } = [options.OutputLoss, options.LatentLoss, options.ReconstructionLoss];

    /// <summary>The training loss: the mean of the enabled terms (only those are computed).</summary>
    public Tensor Loss(IAutoencoder autoencoder, ILatentPropagator propagator, PropagatorState state, Tensor input, Tensor target)
    {
        var terms = Compute(autoencoder, propagator, state, input, target, Enabled);
        var sum = terms[0];
        for (int i = 1; i < terms.Count; i++) sum = sum + terms[i];
        return sum / terms.Count;
    }

    /// <summary>All three terms, <c>[3]</c> in the order of <see cref="Names"/>, whichever the training uses.</summary>
    public Tensor Terms(IAutoencoder autoencoder, ILatentPropagator propagator, PropagatorState state, Tensor input, Tensor target) =>
        stack(Compute(autoencoder, propagator, state, input, target, [true, true, true]));

    /// <summary>Feeds a window's leading frames to the propagator (teacher forcing, the caller holds no gradient).</summary>
    public void Warm(IAutoencoder autoencoder, ILatentPropagator propagator, PropagatorState state, Tensor frames)
    {
        long b = frames.shape[0], t = frames.shape[1];
        var latents = autoencoder.Encode(frames.reshape([b * t, .. frames.shape[2..]])).reshape(b, t, -1);
        propagator.Forward(state, latentScaler is null ? latents : latentScaler.Scale(latents));
    }

    private List<Tensor> Compute(IAutoencoder autoencoder, ILatentPropagator propagator, PropagatorState state, Tensor input, Tensor target, bool[] which)
    {
        long b = input.shape[0], t = input.shape[1];
        var frameShape = input.shape[2..];
        var both = cat([input, target.slice(1, t - 1, t, 1)], 1);                      // frames p·L … (p+1)·L
        var latents = autoencoder.Encode(both.reshape([b * (t + 1), .. frameShape])).reshape(b, t + 1, -1);
        var inputs = latents.slice(1, 0, t, 1);
        var predicted = latentScaler is null
            ? propagator.Forward(state, inputs)
            : latentScaler.Unscale(propagator.Forward(state, latentScaler.Scale(inputs)));
        var terms = new List<Tensor>();
        if (which[0])
            terms.Add(nn.functional.mse_loss(autoencoder.Decode(predicted.reshape(b * t, -1)).reshape([b, t, .. frameShape]), target));
        if (which[1])
            terms.Add(nn.functional.mse_loss(predicted, latents.slice(1, 1, t + 1, 1)));
        if (which[2])
            terms.Add(ReconstructionWeights.SquaredError(autoencoder.Decode(inputs.reshape(b * t, -1)).reshape([b, t, .. frameShape]), input, weights));
        return terms;
    }
}
