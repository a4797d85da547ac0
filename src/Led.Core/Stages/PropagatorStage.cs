using Led.Abstractions.Learning;
using Led.Core.Configuration;
using Led.Core.Forecasting;
using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Stages;

/// <summary>
/// The propagator stage (sequential mode): the frozen autoencoder encodes the training and validation trajectories, a
/// latent min–max scaler is fitted, and the propagator is trained (or fitted) on the scaled latent trajectories.
/// </summary>
public sealed class PropagatorStage(TrainingOptions options, StageContext context)
{
    public (LatentScaler Scaler, TrainingHistory History) Train(IAutoencoder autoencoder, ILatentPropagator propagator, ScaledSplits splits)
    {
        var encoder = new LatentForecaster(autoencoder, propagator, null);
        using var trainLatents = encoder.Encode(splits.Train);
        using var validationLatents = encoder.Encode(splits.Validation);
        // The reference fits the latent bounds on the validation encodings only; with the smaller datasets a quick run
        // uses, test states then leave that range and the tanhplus output saturates, so training encodings count too.
        using var all = cat([trainLatents.reshape(-1, autoencoder.LatentDim), validationLatents.reshape(-1, autoencoder.LatentDim)], 0);
        var scaler = LatentScaler.Fit(all);
        var train = Enumerable.Range(0, (int)trainLatents.shape[0]).Select(i => scaler.Scale(trainLatents[i])).ToList();
        var validation = Enumerable.Range(0, (int)validationLatents.shape[0]).Select(i => scaler.Scale(validationLatents[i])).ToList();
        try
        {
            var epochs = new PropagatorTraining(options, scaler, context.Seed, context.Log, context.Progress).Train(propagator, train, validation, context.Cancel,
                context.Checkpoints?.For("propagator"));
            return (scaler, new TrainingHistory("propagator", epochs));
        }
        finally
        {
            foreach (var t in train.Concat(validation)) t.Dispose();
        }
    }
}
