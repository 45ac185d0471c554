// The protobufjs runtime the generated code imports (see generate.mjs --dependency).
// It switches protobufjs to plain numbers for 64-bit integers before any generated
// class is defined: our int64s (µs timestamps, sequence numbers) stay below 2^53, and
// Long objects would cost an allocation per field on the hot path. This is global to
// protobufjs/minimal in the process; pipstream is its only user.
import $protobuf from 'protobufjs/minimal.js';

$protobuf.util.Long = null;
$protobuf.configure();

export default $protobuf;
