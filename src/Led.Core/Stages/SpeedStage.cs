using Led.Abstractions.Systems;
using Led.Core.Forecasting;
using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Stages;

/// <summary>
/// The speed stage: seconds per coarse step of the micro solver and of the latent path (batch 1) from the same state
/// in the same process, with and without the decoder, through the tensor library and through the components' compiled
/// path where they offer one; speed-ups are the solver's time over the latent path's.
/// </summary>
public sealed class SpeedStage(IDynamicalSystem system, StageContext context)
{
    public Dictionary<string, double> Measure(LedModel model, ForecastResult forecast)
    {
        var metrics = new Dictionary<string, double>();
        int warmup = forecast.Warmup;
        using var first = forecast.Latent.EncodedTruth[0, warmup - 1].clone();
        double micro = SpeedMeasurement.MicroSolver(system, forecast.Test.Frame(0, warmup - 1).ToArray());
        using var start = model.LatentScaler?.Scale(first) ?? first.alias();
        var (latent, decoded) = SpeedMeasurement.Latent(model.Autoencoder, model.Propagator, model.LatentScaler, start);
        metrics["micro_seconds_per_step"] = micro;
        metrics["latent_seconds_per_step"] = latent;
        metrics["latent_decoded_seconds_per_step"] = decoded;
        metrics["speedup_latent"] = micro / latent;
        metrics["speedup_latent_decoded"] = micro / decoded;
        using var startLatent = start.to(ScalarType.Float64).cpu();
        if (SpeedMeasurement.FastLatent(model.Autoencoder, model.Propagator, model.LatentScaler, startLatent.data<double>().ToArray(),
                dtype: context.Device.DType) is var (fast, fastDecoded))
        {
            metrics["latent_fast_seconds_per_step"] = fast;
            metrics["latent_decoded_fast_seconds_per_step"] = fastDecoded;
            metrics["speedup_latent_fast"] = micro / fast;
            metrics["speedup_latent_decoded_fast"] = micro / fastDecoded;
        }
        return metrics;
    }

    /// <summary>A speed-up as a person reads it: one decimal under 10 (<c>0.4×</c>, <c>3.7×</c>), whole numbers above (<c>150×</c>).</summary>
    public static string Format(double speedup) =>
        speedup < 10 ? speedup.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "×"
                     : speedup.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "×";
}
