using Led.Abstractions.Learning;
using Led.Core.Configuration;
using Led.Core.Data;
using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Stages;

/// <summary>
/// The autoencoder stage: trains (or fits) the autoencoder on the scaled frames, or loads a pre-trained one, which
/// must have been trained on data with the same scaling; the autoencoder is frozen afterwards.
/// </summary>
public sealed class AutoencoderStage(TrainingOptions options, StageContext context)
{
    /// <param name="weights">Point weights of the reconstruction loss (<see cref="ReconstructionWeights.For"/>), or null.</param>
    public (TrainingHistory History, Dictionary<string, double> Metrics) Train(IAutoencoder autoencoder, ScaledSplits splits, MinMaxScaler scaler,
        Tensor? weights = null)
    {
        var training = new AutoencoderTraining(options, context.Seed, context.Log, context.Progress, weights);
        IReadOnlyList<EpochRecord> epochs = [];
        if (options.Autoencoder is { } pretrained)
            LoadPretrained(LedModel.ResolveDirectory(pretrained), autoencoder, scaler);
        else
            epochs = training.Train(autoencoder, splits.TrainFrames, splits.ValidationFrames, context.Cancel, context.Checkpoints?.For("autoencoder"));
        Freeze(autoencoder);
        return (new TrainingHistory("autoencoder", epochs), Scores(training, autoencoder, splits));
    }

    /// <summary>The trained autoencoder's validation scores: reconstruction MSE of the mean, the NLL of a probabilistic decoder, and a variational encoder's KL per value.</summary>
    public Dictionary<string, double> Scores(AutoencoderTraining training, IAutoencoder autoencoder, ScaledSplits splits)
    {
        var metrics = new Dictionary<string, double>
        {
            ["autoencoder_validation_mse_scaled"] = training.ReconstructionLoss(autoencoder, splits.ValidationFrames),
        };
        if (autoencoder is IProbabilisticDecoder)
            metrics["autoencoder_validation_nll_scaled"] = AutoencoderTraining.NegativeLogLikelihood(autoencoder, splits.ValidationFrames);
        if (autoencoder is IVariationalEncoder)
            metrics["autoencoder_validation_kl_per_value"] = training.VariationalTerms(autoencoder, splits.ValidationFrames).KlPerValue;
        context.Log.Information("autoencoder: validation reconstruction MSE {Mse:E4} (scaled units)", metrics["autoencoder_validation_mse_scaled"]);
        return metrics;
    }

    private static void Freeze(IAutoencoder autoencoder)
    {
        if (autoencoder is ITrainable trainable)
            foreach (var p in trainable.Module.parameters()) p.requires_grad = false;
    }

    private void LoadPretrained(string directory, IAutoencoder autoencoder, MinMaxScaler scaler)
    {
        var (trained, _) = LedModel.LoadAutoencoder(directory, autoencoder, log: context.Log);
        bool same = trained.Min.Length == scaler.Min.Length &&
                    trained.Min.Zip(scaler.Min).Concat(trained.Max.Zip(scaler.Max))
                        .All(p => Math.Abs(p.First - p.Second) <= 1e-12 * Math.Max(1, Math.Abs(p.Second)));
        if (!same)
            throw new InvalidDataException($"training.autoencoder: the autoencoder in {directory} was trained on data scaled to " +
                                           $"[{Format(trained.Min)}] … [{Format(trained.Max)}], this run's data give [{Format(scaler.Min)}] … [{Format(scaler.Max)}]: " +
                                           "use the system and data sections it was trained with, or remove training.autoencoder to train one");
        context.Log.Information("autoencoder: reused from {Directory} (frozen)", directory);
    }

    private static string Format(double[] values) => string.Join(", ", values.Select(v => v.ToString("G6")));
}
