using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Led.Toolkit.Learning;

/// <summary>
/// Packed kernel weights in a pinned array (it never moves), used from its first 64-byte boundary so that no vector
/// load straddles two cache lines.
/// </summary>
public static class AlignedWeights
{
    /// <summary>A pinned array with room for <paramref name="length"/> values from <paramref name="start"/>, the index of its first 64-byte boundary.</summary>
    public static T[] Allocate<T>(int length, out int start) where T : unmanaged
    {
        int size = Unsafe.SizeOf<T>();
        var array = GC.AllocateArray<T>(length + 64 / size, pinned: true);
        var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
        start = (int)((64 - handle.AddrOfPinnedObject() % 64) % 64) / size;
        handle.Free();
        return array;
    }
}
