using TorchSharp;
using static TorchSharp.torch;

namespace Led.Autoencoders.Convolutional2D;

/// <summary>
/// Pads <c>[B, C, Y, X]</c> per axis: x by (<paramref name="left"/>, <paramref name="right"/>) and y by
/// (<paramref name="top"/>, <paramref name="bottom"/>), each axis with zeros or wrapped around (circular, for a periodic
/// direction). Without parameters.
/// </summary>
internal sealed class AxisPad2d(long left, long right, long top, long bottom, bool circularY, bool circularX)
    : nn.Module<Tensor, Tensor>(nameof(AxisPad2d))
{
    public AxisPad2d(long half, bool circularY, bool circularX) : this(half, half, half, half, circularY, circularX)
    {
    }

    /// <summary>Columns added on the left.</summary>
    public long Left => left;

    /// <summary>Columns added on the right.</summary>
    public long Right => right;

    /// <summary>Rows added above.</summary>
    public long Top => top;

    /// <summary>Rows added below.</summary>
    public long Bottom => bottom;

    /// <summary>Whether y is wrapped around (else zeros).</summary>
    public bool CircularY => circularY;

    /// <summary>Whether x is wrapped around (else zeros).</summary>
    public bool CircularX => circularX;

    public override Tensor forward(Tensor input)
    {
        if (circularY == circularX)
            return nn.functional.pad(input, [left, right, top, bottom], circularX ? PaddingModes.Circular : PaddingModes.Constant);
        using var alongX = nn.functional.pad(input, [left, right, 0, 0], circularX ? PaddingModes.Circular : PaddingModes.Constant);
        return nn.functional.pad(alongX, [0, 0, top, bottom], circularY ? PaddingModes.Circular : PaddingModes.Constant);
    }
}
