using System.Diagnostics;
using Led.Abstractions.Learning;
using Led.Abstractions.Observables;
using Led.Core.Configuration;
using Led.Core.Data;
using Led.Core.Forecasting;
using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Stages;

/// <summary>
/// The forecast stage: Latent-LED from the first <c>forecast.initialConditions</c> test trajectories, batched; a
/// stochastic model runs <c>forecast.ensemble</c> members per initial condition with a generator seeded by the run;
/// with <c>forecast.decodeEvery</c> k the states are decoded at every k-th step only.
/// </summary>
public sealed class ForecastStage(ForecastOptions options, StageContext context)
{
    public ForecastResult Run(LedDataset data, LedModel model)
    {
        int ics = options.InitialConditions > 0 ? Math.Min(options.InitialConditions, data.Test.Count) : data.Test.Count;
        int warmup = options.Warmup, horizon = options.Horizon, frame = data.Test.FrameSize, members = options.Ensemble;
        if (data.Test.Length < warmup + horizon)
            throw new InvalidDataException($"test trajectories have {data.Test.Length} samples; forecast.warmup + forecast.horizon need {warmup + horizon}");
        var test = new TrajectorySet(ics, warmup + horizon, data.Test.FrameShape);
        for (int i = 0; i < ics; i++) data.Test.Trajectory(i)[..test.Trajectory(i).Length].CopyTo(test.Trajectory(i));
        var targets = new double[(long)ics * horizon * frame];
        var persistence = new double[targets.Length];
        for (int i = 0; i < ics; i++)
            for (int t = 0; t < horizon; t++)
            {
                test.Frame(i, warmup + t).CopyTo(targets.AsSpan((i * horizon + t) * frame, frame));
                test.Frame(i, warmup - 1).CopyTo(persistence.AsSpan((i * horizon + t) * frame, frame));
            }

        var clock = Stopwatch.StartNew();
        using var scaled = TensorData.Scaled(test, model.DataScaler, context.Device);
        using var generator = new Generator((ulong)context.Seed, context.Device.Device);
        bool sampleDecoder = data.Description.Kind != ObservableKind.Field && model.Autoencoder is IProbabilisticDecoder;
        var forecaster = new LatentForecaster(model.Autoencoder, model.Propagator, model.LatentScaler, generator, sampleDecoder);
        var forecast = forecaster.Run(scaled, warmup, horizon, context.Cancel, members, options.DecodeEvery);
        double seconds = clock.Elapsed.TotalSeconds;
        using var cpu = forecast.Predictions.detach().to(ScalarType.Float64).cpu().contiguous();
        var predictions = cpu.data<double>().ToArray();
        model.DataScaler.Unscale(predictions, frame);
        return new ForecastResult(data.Description, test, warmup, horizon, members, predictions, targets, persistence, forecast, seconds, options.DecodeEvery);
    }

    /// <summary>The mean reconstruction MSE (physical units) of the forecast's test frames through the autoencoder's mean.</summary>
    public double ReconstructionMse(LedModel model, TrajectorySet test)
    {
        var decoded = Reconstruct(model, test);
        double sum = 0;
        for (int i = 0; i < decoded.Length; i++) sum += (decoded[i] - test.Values[i]) * (decoded[i] - test.Values[i]);
        return sum / decoded.Length;
    }

    /// <summary>
    /// The autoencoder's reconstruction D(E(x)) of every frame of <paramref name="set"/> through its mean, in physical
    /// units and laid out as <see cref="TrajectorySet.Values"/>; one trajectory at a time, so that memory stays that of one.
    /// </summary>
    public double[] Reconstruct(LedModel model, TrajectorySet set)
    {
        using var noGrad = no_grad();
        var result = new double[set.Values.Length];
        int length = set.Length * set.FrameSize;
        for (int i = 0; i < set.Count; i++)
        {
            using var scope = NewDisposeScope();
            var one = new TrajectorySet(1, set.Length, set.FrameShape, set.Trajectory(i).ToArray());
            var scaled = TensorData.Scaled(one, model.DataScaler, context.Device);
            var latents = new LatentForecaster(model.Autoencoder, model.Propagator, null).Encode(scaled).reshape(-1, model.Autoencoder.LatentDim);
            var decoded = model.Autoencoder.Decode(latents).detach().to(ScalarType.Float64).cpu().contiguous().data<double>().ToArray();
            model.DataScaler.Unscale(decoded, set.FrameSize);
            decoded.CopyTo(result.AsSpan(i * length, length));
        }
        return result;
    }
}
