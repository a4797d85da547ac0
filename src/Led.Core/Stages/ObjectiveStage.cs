using Led.Core.Configuration;
using Led.Core.Data;
using Led.Core.Training;

namespace Led.Core.Stages;

/// <summary>
/// Scores a trained model under the training objective of a config on the training and validation windows (cut and
/// warmed up as in training, frames scaled with the model's own data scaler): each term of
/// <see cref="TrainingObjective"/>, whether training uses it or not, the training loss (the mean of the enabled terms)
/// and the autoencoder's reconstruction MSE over all frames. Comparing two models under the same objective on the same
/// windows tells whether a worse model is an optimisation shortfall (the better model also scores a lower loss) or a
/// different objective.
/// </summary>
public sealed class ObjectiveStage(TrainingOptions options, StageContext context)
{
    /// <summary>Metrics <c>{split}_loss</c>, <c>{split}_loss_{term}</c> and <c>{split}_reconstruction_mse</c> for the splits train and validation (scaled units).</summary>
    public Dictionary<string, double> Score(LedModel model, LedDataset data)
    {
        using var splits = new ScaledSplits(data with { Scaler = model.DataScaler }, context.Device);
        using var weights = ReconstructionWeights.For(options, data, context.Device);
        var objective = new TrainingObjective(options, model.LatentScaler, weights);
        var reconstruction = new AutoencoderTraining(options, context.Seed, context.Log, context.Progress);
        var metrics = new Dictionary<string, double>();
        foreach (var (split, trajectories, frames) in new[] { ("train", splits.Train, splits.TrainFrames), ("validation", splits.Validation, splits.ValidationFrames) })
        {
            var each = ScaledSplits.Each(trajectories);
            try
            {
                using var windows = TruncatedBackpropagation.Windows(each, options.WindowLength, options.WindowStep, split);
                var terms = TruncatedBackpropagation.EvaluateTerms(windows, EndToEndTraining.EvaluationBatch, options.SequenceLength, model.Propagator.Start,
                    (state, input, target) => objective.Terms(model.Autoencoder, model.Propagator, state, input, target),
                    options.Warmup, (state, chunk) => objective.Warm(model.Autoencoder, model.Propagator, state, chunk));
                var used = terms.Where((_, i) => objective.Enabled[i]).ToArray();
                metrics[$"{split}_loss"] = used.Average();
                for (int i = 0; i < terms.Length; i++) metrics[$"{split}_loss_{TrainingObjective.Names[i]}"] = terms[i];
                metrics[$"{split}_reconstruction_mse"] = reconstruction.ReconstructionLoss(model.Autoencoder, frames);
                context.Log.Information("{Split}: {Windows} windows; training loss {Loss:E4} (output {Output:E4}, latent {Latent:E4}, reconstruction {Rec:E4}); " +
                                        "reconstruction MSE of all frames {Mse:E4} (scaled units)", split, windows.shape[0], metrics[$"{split}_loss"],
                    terms[0], terms[1], terms[2], metrics[$"{split}_reconstruction_mse"]);
            }
            finally
            {
                foreach (var t in each) t.Dispose();
            }
        }
        return metrics;
    }
}
