using Led.Abstractions.Learning;
using Led.Core.Configuration;
using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Stages;

/// <summary>
/// The end-to-end stage: autoencoder and propagator trained jointly on windows of scaled frames, after the autoencoder
/// has been trained alone by reconstruction when <see cref="TrainingOptions.PretrainAutoencoder"/> asks for it.
/// </summary>
public sealed class EndToEndStage(TrainingOptions options, StageContext context)
{
    /// <param name="weights">Point weights of the reconstruction loss, of the pre-training and of the joint L_rec term (<see cref="ReconstructionWeights.For"/>), or null.</param>
    public (IReadOnlyList<TrainingHistory> Histories, Dictionary<string, double> Metrics) Train(IAutoencoder autoencoder, ILatentPropagator propagator, ScaledSplits splits,
        Tensor? weights = null)
    {
        var histories = new List<TrainingHistory>();
        var training = new AutoencoderTraining(options, context.Seed, context.Log, context.Progress);
        if (options.PretrainAutoencoder)
        {
            var pretraining = new AutoencoderTraining(options.ForPretraining(), context.Seed, context.Log, context.Progress, weights);
            histories.Add(new TrainingHistory("autoencoder", pretraining.Train(autoencoder, splits.TrainFrames, splits.ValidationFrames, context.Cancel,
                context.Checkpoints?.For("autoencoder"))));
            context.Log.Information("autoencoder: pre-trained, validation reconstruction MSE {Mse:E4} (scaled units); training jointly from it",
                training.ReconstructionLoss(autoencoder, splits.ValidationFrames));
        }
        var train = ScaledSplits.Each(splits.Train);
        var validation = ScaledSplits.Each(splits.Validation);
        try
        {
            var epochs = new EndToEndTraining(options, context.Seed, context.Log, context.Progress, weights).Train(autoencoder, propagator, train, validation, context.Cancel,
                context.Checkpoints?.For("end_to_end"));
            histories.Add(new TrainingHistory("end_to_end", epochs));
            return (histories, new AutoencoderStage(options, context).Scores(training, autoencoder, splits));
        }
        finally
        {
            foreach (var t in train.Concat(validation)) t.Dispose();
        }
    }
}
