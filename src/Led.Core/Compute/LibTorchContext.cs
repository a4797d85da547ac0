using System.Runtime.InteropServices;
using TorchSharp;

namespace Led.Core.Compute;

/// <summary>
/// Switches of libtorch's global context (<c>at::globalContext()</c>) that TorchSharp does not expose, reached through
/// libtorch's exported C++ API. The symbols are looked up by their Itanium C++ ABI names (Linux, macOS); where they
/// cannot be found, nothing is changed and the properties report null.
/// </summary>
public static class LibTorchContext
{
    private const string GlobalContextSymbol = "_ZN2at13globalContextEv";                      // at::globalContext()
    private const string UserEnabledNnpackSymbol = "_ZNK2at7Context17userEnabledNNPACKEv";     // at::Context::userEnabledNNPACK() const
    private const string SetUserEnabledNnpackSymbol = "_ZN2at7Context20setUserEnabledNNPACKEb"; // at::Context::setUserEnabledNNPACK(bool)

    private static readonly Lazy<Api?> Native = new(Bind);

    /// <summary>
    /// Whether libtorch may run convolutions with NNPACK (libtorch's default: yes); null where the switch cannot be reached.
    /// </summary>
    public static bool? NnpackEnabled => Native.Value is { } api ? api.Get(api.Context) : null;

    /// <summary>Sets whether libtorch may use NNPACK; returns false where the switch cannot be reached.</summary>
    public static bool TrySetNnpackEnabled(bool enabled)
    {
        if (Native.Value is not { } api) return false;
        api.Set(api.Context, enabled);
        return true;
    }

    /// <summary>The environment variable of MKL's conditional numerical reproducibility, and the mode asked for.</summary>
    public const string MklReproducibilityVariable = "MKL_CBWR", MklReproducibilityMode = "AUTO,STRICT";

    /// <summary>
    /// Asks MKL (the BLAS inside the CPU libtorch) for reproducible results: without it MKL chooses its kernels by the
    /// memory alignment of the operands, so the same product computed in two processes (a run and its resumption from a
    /// checkpoint) can differ in the last bits, and training amplifies that. <c>MKL_CBWR=AUTO,STRICT</c> keeps the fastest
    /// code path of the CPU but makes it independent of alignment. It is set in the process environment, where MKL reads it
    /// at its first call, unless it is set already; it must be called before any tensor operation. Returns the value in force.
    /// </summary>
    public static string RequestReproducibleBlas()
    {
        if (Environment.GetEnvironmentVariable(MklReproducibilityVariable) is { Length: > 0 } set) return set;
        Environment.SetEnvironmentVariable(MklReproducibilityVariable, MklReproducibilityMode);
        // .NET keeps its own copy of the environment on Linux and macOS: native code reads the C library's.
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) SetNativeVariable(MklReproducibilityVariable, MklReproducibilityMode, 1);
        return MklReproducibilityMode;
    }

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int SetNativeVariable(string name, string value, int overwrite);

    private static Api? Bind()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return null;
        torch.get_num_threads(); // makes TorchSharp load libtorch, so that the library below is the one already in the process
        string file = OperatingSystem.IsLinux() ? "libtorch_cpu.so" : "libtorch_cpu.dylib";
        if (!NativeLibrary.TryLoad(file, out var library) &&
            !NativeLibrary.TryLoad(Path.Combine(AppContext.BaseDirectory, file), out library))
            return null;
        if (!NativeLibrary.TryGetExport(library, GlobalContextSymbol, out var globalContext) ||
            !NativeLibrary.TryGetExport(library, UserEnabledNnpackSymbol, out var get) ||
            !NativeLibrary.TryGetExport(library, SetUserEnabledNnpackSymbol, out var set))
            return null;
        var context = Marshal.GetDelegateForFunctionPointer<GlobalContext>(globalContext)();
        return new Api(context, Marshal.GetDelegateForFunctionPointer<GetFlag>(get), Marshal.GetDelegateForFunctionPointer<SetFlag>(set));
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate IntPtr GlobalContext();

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    [return: MarshalAs(UnmanagedType.U1)]
    private delegate bool GetFlag(IntPtr context);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate void SetFlag(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);

    private sealed record Api(IntPtr Context, GetFlag Get, SetFlag Set);
}
