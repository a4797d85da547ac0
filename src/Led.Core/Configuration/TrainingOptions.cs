using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Led.Core.Configuration;

/// <summary>How the autoencoder and the propagator are trained (config section <c>training</c>).</summary>
public sealed class TrainingOptions : IValidatableObject
{
    /// <summary><c>sequential</c>: autoencoder first, then the propagator with the autoencoder frozen; <c>endToEnd</c>: jointly.</summary>
    public TrainingMode Mode { get; set; } = TrainingMode.Sequential;

    /// <summary><c>adam</c> or <c>adabelief</c> (the reference's).</summary>
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.AdaBelief;

    [Range(1e-12, 10, ErrorMessage = "learningRate must be in (0, 10]")]
    public double LearningRate { get; set; } = 1e-3;

    [Range(1, 1 << 20, ErrorMessage = "batchSize must be ≥ 1")]
    public int BatchSize { get; set; } = 32;

    /// <summary>Maximum epochs over all rounds.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "maxEpochs must be ≥ 1")]
    public int MaxEpochs { get; set; } = 100;

    /// <summary>A round ends when the validation loss has not improved for this many epochs.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "patience must be ≥ 1")]
    public int Patience { get; set; } = 20;

    /// <summary>Rounds of early stopping; each restores the best model and halves the learning rate.</summary>
    [Range(1, 100, ErrorMessage = "maxRounds must be in [1, 100]")]
    public int MaxRounds { get; set; } = 5;

    [Range(0.01, 0.99, ErrorMessage = "learningRateFactor must be in [0.01, 0.99]")]
    public double LearningRateFactor { get; set; } = 0.5;

    /// <summary>Truncated back-propagation chunk length (coarse steps).</summary>
    [Range(1, 100000, ErrorMessage = "sequenceLength must be ≥ 1")]
    public int SequenceLength { get; set; } = 25;

    /// <summary>Length of the training windows cut from the trajectories (coarse samples).</summary>
    [Range(2, int.MaxValue, ErrorMessage = "windowLength must be ≥ 2")]
    public int WindowLength { get; set; } = 201;

    /// <summary>
    /// Samples between the starts of consecutive training (and validation) windows; null: <see cref="SequenceLength"/>.
    /// The reference starts a window at every sample (1), which gives its FHN training 990 windows of 121 samples where a
    /// stride of 20 gives 51: about 19 times fewer optimiser steps per epoch, so early stopping's patience ends rounds
    /// after far less training.
    /// </summary>
    [Range(1, int.MaxValue, ErrorMessage = "windowStride must be ≥ 1 (the reference's is 1: a window starts at every sample)")]
    public int? WindowStride { get; set; }

    /// <summary>The stride the windows are cut with: <see cref="WindowStride"/> or else <see cref="SequenceLength"/>.</summary>
    [JsonIgnore]
    public int WindowStep => WindowStride ?? SequenceLength;

    /// <summary>
    /// Leading samples of each training window fed to the propagator (teacher-forced, without gradient or loss) to set
    /// its hidden state before the first scored chunk: the reference's n_warmup_train (FHN 20, KS 60).
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = "warmup must be ≥ 0")]
    public int Warmup { get; set; }

    /// <summary>
    /// Standard deviation of Gaussian noise added to the propagator's inputs while it trains (scaled latent units; the
    /// targets stay clean), the reference's noise_level. A propagator that has seen perturbed inputs learns to pull
    /// them back towards the data, which keeps long latent rollouts on the attractor. Sequential mode only; 0: none.
    /// </summary>
    [Range(0, 1, ErrorMessage = "noise must be in [0, 1] (scaled latent units)")]
    public double Noise { get; set; }

    /// <summary>
    /// Closed-loop steps at the end of every training chunk (sequential mode, squared-error loss): the chunk's first
    /// <c>sequenceLength − rollout</c> inputs are the data, the last <c>rollout</c> are the propagator's own previous
    /// predictions, with the loss and the gradient through them, so that the propagator learns to correct the errors it
    /// feeds itself when forecasting. Validation scores the same closed-loop chunks. 0: teacher forcing throughout (the
    /// reference's).
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = "rollout must be ≥ 0 (0: teacher forcing throughout)")]
    public int Rollout { get; set; }

    /// <summary>Loss terms (mean of those enabled): decoded forecast, latent forecast, reconstruction.</summary>
    public bool OutputLoss { get; set; }

    public bool LatentLoss { get; set; } = true;

    public bool ReconstructionLoss { get; set; }

    /// <summary>Wall-time limit for training in minutes (0: none).</summary>
    [Range(0, double.MaxValue, ErrorMessage = "maxMinutes must be ≥ 0")]
    public double MaxMinutes { get; set; }

    /// <summary>
    /// Epochs between training checkpoints (the weights, the optimiser's moments, the random generators, the early-stopping
    /// counters and the history, written atomically to the run folder's <c>checkpoints/</c>) from which
    /// <c>--resume</c> continues a killed run; 0: none. A checkpoint is also written when each training stage ends.
    /// </summary>
    [Range(0, int.MaxValue, ErrorMessage = "checkpointEpochs must be ≥ 0 (0: no checkpoints)")]
    public int CheckpointEpochs { get; set; } = 1;

    /// <summary>
    /// Least minutes between two training checkpoints, so that quick epochs are not slowed by writing one each time: a
    /// checkpoint is written once both <see cref="CheckpointEpochs"/> epochs and this many minutes have passed.
    /// </summary>
    [Range(0, double.MaxValue, ErrorMessage = "checkpointMinutes must be ≥ 0")]
    public double CheckpointMinutes { get; set; } = 1;

    /// <summary>
    /// Optional: a trained model folder (a run folder of <c>led train</c>/<c>led run</c>, its <c>model/</c> subfolder, or
    /// one written by <c>led train --autoencoder-only</c>) whose autoencoder is reused, frozen, instead of training one;
    /// only the propagator is trained. Sequential mode only. Sweeps set it for runs that share an autoencoder.
    /// </summary>
    public string? Autoencoder { get; set; }

    /// <summary>
    /// endToEnd only: train the autoencoder alone by reconstruction first (the autoencoder stage of sequential mode, with
    /// the same optimiser, learning rate, batch size and early stopping, within <see cref="PretrainMinutes"/>), then the
    /// autoencoder and the propagator jointly, starting from it. Joint training from random weights has to find the
    /// attractor's coordinates and their dynamics at once; starting from a converged autoencoder it only has to refine them.
    /// </summary>
    public bool PretrainAutoencoder { get; set; }

    /// <summary>The wall-time limit of the autoencoder's pre-training in minutes; 0: <see cref="MaxMinutes"/>.</summary>
    [Range(0, double.MaxValue, ErrorMessage = "pretrainMinutes must be ≥ 0 (0: maxMinutes)")]
    public double PretrainMinutes { get; set; }

    /// <summary>The options of the autoencoder's pre-training: these, with <see cref="PretrainMinutes"/> as the wall-time limit.</summary>
    public TrainingOptions ForPretraining()
    {
        var copy = (TrainingOptions)MemberwiseClone();
        if (PretrainMinutes > 0) copy.MaxMinutes = PretrainMinutes;
        return copy;
    }

    /// <summary>
    /// Optional point weights of the autoencoder's reconstruction loss from a fixed field of the dataset, e.g.
    /// <c>{ "field": "mask", "radius": 3, "weight": 20 }</c> (<see cref="ReconstructionWeightsOptions"/>); absent: every point alike.
    /// Squared-error losses of field observables only.
    /// </summary>
    public ReconstructionWeightsOptions? ReconstructionWeights { get; set; }

    /// <summary>The autoencoder's loss: <c>auto</c> (NLL for a probabilistic decoder, else MSE), <c>mse</c> or <c>nll</c>.</summary>
    public LossKind AutoencoderLoss { get; set; }

    /// <summary>The propagator's loss: <c>auto</c> (NLL for a stochastic propagator, else MSE), <c>mse</c> or <c>nll</c>.</summary>
    public LossKind PropagatorLoss { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!OutputLoss && !LatentLoss && !ReconstructionLoss)
            yield return new ValidationResult("enable at least one of outputLoss, latentLoss, reconstructionLoss", [nameof(LatentLoss)]);
        if (Autoencoder is not null && Mode == TrainingMode.EndToEnd)
            yield return new ValidationResult("autoencoder: a pre-trained autoencoder is reused frozen, which needs mode 'sequential' (endToEnd trains it again)", [nameof(Autoencoder)]);
        if (PretrainAutoencoder && Mode != TrainingMode.EndToEnd)
            yield return new ValidationResult("pretrainAutoencoder: sequential mode always trains the autoencoder first; remove pretrainAutoencoder or use mode 'endToEnd'", [nameof(PretrainAutoencoder)]);
        if (PretrainMinutes > 0 && !PretrainAutoencoder)
            yield return new ValidationResult("pretrainMinutes: it limits the autoencoder's pre-training, which is off; set pretrainAutoencoder to true or remove pretrainMinutes", [nameof(PretrainMinutes)]);
        if (Noise > 0 && Mode == TrainingMode.EndToEnd)
            yield return new ValidationResult("noise: input noise perturbs the propagator's latent inputs, which needs mode 'sequential'", [nameof(Noise)]);
        if (Rollout > 0 && Mode == TrainingMode.EndToEnd)
            yield return new ValidationResult("rollout: closed-loop chunks are trained in mode 'sequential'; remove rollout or use mode 'sequential'", [nameof(Rollout)]);
        if (Rollout > 0 && Rollout >= SequenceLength)
            yield return new ValidationResult($"rollout ({Rollout}) must be shorter than sequenceLength ({SequenceLength}): each chunk starts from at least one data sample", [nameof(Rollout)]);
        if (SequenceLength >= WindowLength)
            yield return new ValidationResult($"sequenceLength ({SequenceLength}) must be shorter than windowLength ({WindowLength})", [nameof(SequenceLength)]);
        else if (Warmup + SequenceLength >= WindowLength)
            yield return new ValidationResult($"warmup ({Warmup}) + sequenceLength ({SequenceLength}) must be shorter than windowLength ({WindowLength}): no chunk would be scored", [nameof(Warmup)]);
    }
}
