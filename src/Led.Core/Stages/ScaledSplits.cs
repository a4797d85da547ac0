using Led.Abstractions.Learning;
using Led.Core.Data;
using Led.Core.Training;
using static TorchSharp.torch;

namespace Led.Core.Stages;

/// <summary>The training and validation trajectories scaled and on the device, <c>[N, T, …]</c>, with frame views <c>[N·T, …]</c>.</summary>
public sealed class ScaledSplits : IDisposable
{
    public ScaledSplits(LedDataset data, IDeviceContext device)
    {
        Train = TensorData.Scaled(data.Train, data.Scaler, device);
        Validation = TensorData.Scaled(data.Validation, data.Scaler, device);
        TrainFrames = Frames(Train);
        ValidationFrames = Frames(Validation);
    }

    public Tensor Train { get; }

    public Tensor Validation { get; }

    public Tensor TrainFrames { get; }

    public Tensor ValidationFrames { get; }

    /// <summary>Each trajectory of <paramref name="trajectories"/> as its own tensor <c>[T, …]</c> (views; dispose them).</summary>
    public static List<Tensor> Each(Tensor trajectories) => Enumerable.Range(0, (int)trajectories.shape[0]).Select(i => trajectories[i]).ToList();

    public void Dispose()
    {
        TrainFrames.Dispose();
        ValidationFrames.Dispose();
        Train.Dispose();
        Validation.Dispose();
    }

    private static Tensor Frames(Tensor trajectories) => trajectories.reshape([trajectories.shape[0] * trajectories.shape[1], .. trajectories.shape[2..]]);
}
