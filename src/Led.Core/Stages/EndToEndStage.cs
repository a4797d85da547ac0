using Led.Abstractions.Learning;
using Led.Core.Configuration;
using Led.Core.Training;

namespace Led.Core.Stages;

/// <summary>The end-to-end stage: autoencoder and propagator trained jointly on windows of scaled frames.</summary>
public sealed class EndToEndStage(TrainingOptions options, StageContext context)
{
    public (TrainingHistory History, Dictionary<string, double> Metrics) Train(IAutoencoder autoencoder, ILatentPropagator propagator, ScaledSplits splits)
    {
        var train = ScaledSplits.Each(splits.Train);
        var validation = ScaledSplits.Each(splits.Validation);
        try
        {
            var epochs = new EndToEndTraining(options, context.Seed, context.Log, context.Progress).Train(autoencoder, propagator, train, validation, context.Cancel,
                context.Checkpoints?.For("end_to_end"));
            var training = new AutoencoderTraining(options, context.Seed, context.Log, context.Progress);
            return (new TrainingHistory("end_to_end", epochs), new AutoencoderStage(options, context).Scores(training, autoencoder, splits));
        }
        finally
        {
            foreach (var t in train.Concat(validation)) t.Dispose();
        }
    }
}
