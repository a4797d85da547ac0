using Led.Abstractions.Learning;
using Led.Core.Data;
using static TorchSharp.torch;

namespace Led.Core.Training;

/// <summary>Moves trajectories into tensors on the configured device.</summary>
public static class TensorData
{
    /// <summary>The scaled trajectories as <c>[N, T, channel, grid…]</c>.</summary>
    public static Tensor Scaled(TrajectorySet set, MinMaxScaler scaler, IDeviceContext device)
    {
        var values = (double[])set.Values.Clone();
        scaler.Scale(values, set.FrameSize);
        using var cpu = tensor(values, set.Shape);
        return cpu.to(device.DType).to(device.Device);
    }

    /// <summary>Row indices in a seeded random order.</summary>
    public static int[] Shuffled(int count, Random random)
    {
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        return order;
    }

    /// <summary>Selects rows (dimension 0) of a tensor.</summary>
    public static Tensor Rows(Tensor source, ReadOnlySpan<int> rows)
    {
        using var index = tensor(rows.ToArray().Select(i => (long)i).ToArray(), dtype: ScalarType.Int64, device: source.device);
        return source.index_select(0, index);
    }
}
