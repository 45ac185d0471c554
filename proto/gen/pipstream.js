/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "../runtime.mjs";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $Boolean = $util.global.Boolean, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Array = $util.global.Array, $isFinite = $util.global.isFinite;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const pipstream = $root.pipstream = (() => {

    /**
     * Namespace pipstream.
     * @exports pipstream
     * @namespace
     */
    const pipstream = {};

    pipstream.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof pipstream
         * @namespace
         */
        const v1 = {};

        v1.InstrumentRegistered = (function() {

            /**
             * Properties of an InstrumentRegistered.
             * @typedef {Object} pipstream.v1.InstrumentRegistered.$Properties
             * @property {string|null} [instrument] InstrumentRegistered instrument
             * @property {number|null} [pipLocation] InstrumentRegistered pipLocation
             * @property {number|null} [displayPrecision] InstrumentRegistered displayPrecision
             * @property {string|null} [nodeId] InstrumentRegistered nodeId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InstrumentRegistered.
             * @memberof pipstream.v1
             * @interface IInstrumentRegistered
             * @augments pipstream.v1.InstrumentRegistered.$Properties
             * @deprecated Use pipstream.v1.InstrumentRegistered.$Properties instead.
             */

            /**
             * Shape of an InstrumentRegistered.
             * @typedef {pipstream.v1.InstrumentRegistered.$Properties} pipstream.v1.InstrumentRegistered.$Shape
             */

            /**
             * Constructs a new InstrumentRegistered.
             * @memberof pipstream.v1
             * @classdesc Represents an InstrumentRegistered.
             * @constructor
             * @param {pipstream.v1.InstrumentRegistered.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const InstrumentRegistered = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * InstrumentRegistered instrument.
             * @member {string} instrument
             * @memberof pipstream.v1.InstrumentRegistered
             * @instance
             */
            InstrumentRegistered.prototype.instrument = "";

            /**
             * InstrumentRegistered pipLocation.
             * @member {number} pipLocation
             * @memberof pipstream.v1.InstrumentRegistered
             * @instance
             */
            InstrumentRegistered.prototype.pipLocation = 0;

            /**
             * InstrumentRegistered displayPrecision.
             * @member {number} displayPrecision
             * @memberof pipstream.v1.InstrumentRegistered
             * @instance
             */
            InstrumentRegistered.prototype.displayPrecision = 0;

            /**
             * InstrumentRegistered nodeId.
             * @member {string} nodeId
             * @memberof pipstream.v1.InstrumentRegistered
             * @instance
             */
            InstrumentRegistered.prototype.nodeId = "";

            /**
             * Creates a new InstrumentRegistered instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.InstrumentRegistered
             * @static
             * @param {pipstream.v1.InstrumentRegistered.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.InstrumentRegistered} InstrumentRegistered instance
             * @type {{
             *   (properties: pipstream.v1.InstrumentRegistered.$Shape): pipstream.v1.InstrumentRegistered & pipstream.v1.InstrumentRegistered.$Shape;
             *   (properties?: pipstream.v1.InstrumentRegistered.$Properties): pipstream.v1.InstrumentRegistered;
             * }}
             */
            InstrumentRegistered.create = function(properties) {
                return new InstrumentRegistered(properties);
            };

            /**
             * Encodes the specified InstrumentRegistered message. Does not implicitly {@link pipstream.v1.InstrumentRegistered.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.InstrumentRegistered
             * @static
             * @param {pipstream.v1.InstrumentRegistered.$Properties} message InstrumentRegistered message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstrumentRegistered.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument") && message.instrument !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.instrument);
                if (message.pipLocation != null && $Object.hasOwnProperty.call(message, "pipLocation") && message.pipLocation !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.pipLocation);
                if (message.displayPrecision != null && $Object.hasOwnProperty.call(message, "displayPrecision") && message.displayPrecision !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.displayPrecision);
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId") && message.nodeId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.nodeId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified InstrumentRegistered message, length delimited. Does not implicitly {@link pipstream.v1.InstrumentRegistered.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.InstrumentRegistered
             * @static
             * @param {pipstream.v1.InstrumentRegistered.$Properties} message InstrumentRegistered message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstrumentRegistered.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an InstrumentRegistered message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.InstrumentRegistered
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.InstrumentRegistered & pipstream.v1.InstrumentRegistered.$Shape} InstrumentRegistered
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstrumentRegistered.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.InstrumentRegistered();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instrument = value;
                            else
                                delete message.instrument;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.pipLocation = value;
                            else
                                delete message.pipLocation;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.displayPrecision = value;
                            else
                                delete message.displayPrecision;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.nodeId = value;
                            else
                                delete message.nodeId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an InstrumentRegistered message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.InstrumentRegistered
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.InstrumentRegistered & pipstream.v1.InstrumentRegistered.$Shape} InstrumentRegistered
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstrumentRegistered.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an InstrumentRegistered message.
             * @function verify
             * @memberof pipstream.v1.InstrumentRegistered
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            InstrumentRegistered.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    if (!$util.isString(message.instrument))
                        return "instrument: string expected";
                if (message.pipLocation != null && $Object.hasOwnProperty.call(message, "pipLocation"))
                    if (!$util.isInteger(message.pipLocation))
                        return "pipLocation: integer expected";
                if (message.displayPrecision != null && $Object.hasOwnProperty.call(message, "displayPrecision"))
                    if (!$util.isInteger(message.displayPrecision))
                        return "displayPrecision: integer expected";
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId"))
                    if (!$util.isString(message.nodeId))
                        return "nodeId: string expected";
                return null;
            };

            /**
             * Creates an InstrumentRegistered message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.InstrumentRegistered
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.InstrumentRegistered} InstrumentRegistered
             */
            InstrumentRegistered.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.InstrumentRegistered)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.InstrumentRegistered: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.InstrumentRegistered();
                if (object.instrument != null)
                    if (typeof object.instrument !== "string" || object.instrument.length)
                        message.instrument = $String(object.instrument);
                if (object.pipLocation != null)
                    if ($Number(object.pipLocation) !== 0)
                        message.pipLocation = object.pipLocation | 0;
                if (object.displayPrecision != null)
                    if ($Number(object.displayPrecision) !== 0)
                        message.displayPrecision = object.displayPrecision >>> 0;
                if (object.nodeId != null)
                    if (typeof object.nodeId !== "string" || object.nodeId.length)
                        message.nodeId = $String(object.nodeId);
                return message;
            };

            /**
             * Creates a plain object from an InstrumentRegistered message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.InstrumentRegistered
             * @static
             * @param {pipstream.v1.InstrumentRegistered} message InstrumentRegistered
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            InstrumentRegistered.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.instrument = "";
                    object.pipLocation = 0;
                    object.displayPrecision = 0;
                    object.nodeId = "";
                }
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    object.instrument = message.instrument;
                if (message.pipLocation != null && $Object.hasOwnProperty.call(message, "pipLocation"))
                    object.pipLocation = message.pipLocation;
                if (message.displayPrecision != null && $Object.hasOwnProperty.call(message, "displayPrecision"))
                    object.displayPrecision = message.displayPrecision;
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId"))
                    object.nodeId = message.nodeId;
                return object;
            };

            /**
             * Converts this InstrumentRegistered to JSON.
             * @function toJSON
             * @memberof pipstream.v1.InstrumentRegistered
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            InstrumentRegistered.prototype.toJSON = function() {
                return InstrumentRegistered.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for InstrumentRegistered
             * @function getTypeUrl
             * @memberof pipstream.v1.InstrumentRegistered
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            InstrumentRegistered.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.InstrumentRegistered";
            };

            return InstrumentRegistered;
        })();

        v1.WorkflowChanged = (function() {

            /**
             * Properties of a WorkflowChanged.
             * @typedef {Object} pipstream.v1.WorkflowChanged.$Properties
             * @property {string|null} [account] WorkflowChanged account
             * @property {string|null} [workflowId] WorkflowChanged workflowId
             * @property {number|null} [version] WorkflowChanged version
             * @property {string|null} [documentJson] WorkflowChanged documentJson
             * @property {boolean|null} [active] WorkflowChanged active
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a WorkflowChanged.
             * @memberof pipstream.v1
             * @interface IWorkflowChanged
             * @augments pipstream.v1.WorkflowChanged.$Properties
             * @deprecated Use pipstream.v1.WorkflowChanged.$Properties instead.
             */

            /**
             * Shape of a WorkflowChanged.
             * @typedef {pipstream.v1.WorkflowChanged.$Properties} pipstream.v1.WorkflowChanged.$Shape
             */

            /**
             * Constructs a new WorkflowChanged.
             * @memberof pipstream.v1
             * @classdesc Represents a WorkflowChanged.
             * @constructor
             * @param {pipstream.v1.WorkflowChanged.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const WorkflowChanged = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * WorkflowChanged account.
             * @member {string} account
             * @memberof pipstream.v1.WorkflowChanged
             * @instance
             */
            WorkflowChanged.prototype.account = "";

            /**
             * WorkflowChanged workflowId.
             * @member {string} workflowId
             * @memberof pipstream.v1.WorkflowChanged
             * @instance
             */
            WorkflowChanged.prototype.workflowId = "";

            /**
             * WorkflowChanged version.
             * @member {number} version
             * @memberof pipstream.v1.WorkflowChanged
             * @instance
             */
            WorkflowChanged.prototype.version = 0;

            /**
             * WorkflowChanged documentJson.
             * @member {string} documentJson
             * @memberof pipstream.v1.WorkflowChanged
             * @instance
             */
            WorkflowChanged.prototype.documentJson = "";

            /**
             * WorkflowChanged active.
             * @member {boolean} active
             * @memberof pipstream.v1.WorkflowChanged
             * @instance
             */
            WorkflowChanged.prototype.active = false;

            /**
             * Creates a new WorkflowChanged instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.WorkflowChanged
             * @static
             * @param {pipstream.v1.WorkflowChanged.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.WorkflowChanged} WorkflowChanged instance
             * @type {{
             *   (properties: pipstream.v1.WorkflowChanged.$Shape): pipstream.v1.WorkflowChanged & pipstream.v1.WorkflowChanged.$Shape;
             *   (properties?: pipstream.v1.WorkflowChanged.$Properties): pipstream.v1.WorkflowChanged;
             * }}
             */
            WorkflowChanged.create = function(properties) {
                return new WorkflowChanged(properties);
            };

            /**
             * Encodes the specified WorkflowChanged message. Does not implicitly {@link pipstream.v1.WorkflowChanged.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.WorkflowChanged
             * @static
             * @param {pipstream.v1.WorkflowChanged.$Properties} message WorkflowChanged message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WorkflowChanged.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
                if (message.workflowId != null && $Object.hasOwnProperty.call(message, "workflowId") && message.workflowId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.workflowId);
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.version);
                if (message.documentJson != null && $Object.hasOwnProperty.call(message, "documentJson") && message.documentJson !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.documentJson);
                if (message.active != null && $Object.hasOwnProperty.call(message, "active") && message.active !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.active);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified WorkflowChanged message, length delimited. Does not implicitly {@link pipstream.v1.WorkflowChanged.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.WorkflowChanged
             * @static
             * @param {pipstream.v1.WorkflowChanged.$Properties} message WorkflowChanged message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WorkflowChanged.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a WorkflowChanged message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.WorkflowChanged
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.WorkflowChanged & pipstream.v1.WorkflowChanged.$Shape} WorkflowChanged
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WorkflowChanged.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.WorkflowChanged();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.account = value;
                            else
                                delete message.account;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workflowId = value;
                            else
                                delete message.workflowId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.documentJson = value;
                            else
                                delete message.documentJson;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.active = value;
                            else
                                delete message.active;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a WorkflowChanged message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.WorkflowChanged
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.WorkflowChanged & pipstream.v1.WorkflowChanged.$Shape} WorkflowChanged
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WorkflowChanged.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a WorkflowChanged message.
             * @function verify
             * @memberof pipstream.v1.WorkflowChanged
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            WorkflowChanged.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.account != null && $Object.hasOwnProperty.call(message, "account"))
                    if (!$util.isString(message.account))
                        return "account: string expected";
                if (message.workflowId != null && $Object.hasOwnProperty.call(message, "workflowId"))
                    if (!$util.isString(message.workflowId))
                        return "workflowId: string expected";
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    if (!$util.isInteger(message.version))
                        return "version: integer expected";
                if (message.documentJson != null && $Object.hasOwnProperty.call(message, "documentJson"))
                    if (!$util.isString(message.documentJson))
                        return "documentJson: string expected";
                if (message.active != null && $Object.hasOwnProperty.call(message, "active"))
                    if (typeof message.active !== "boolean")
                        return "active: boolean expected";
                return null;
            };

            /**
             * Creates a WorkflowChanged message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.WorkflowChanged
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.WorkflowChanged} WorkflowChanged
             */
            WorkflowChanged.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.WorkflowChanged)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.WorkflowChanged: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.WorkflowChanged();
                if (object.account != null)
                    if (typeof object.account !== "string" || object.account.length)
                        message.account = $String(object.account);
                if (object.workflowId != null)
                    if (typeof object.workflowId !== "string" || object.workflowId.length)
                        message.workflowId = $String(object.workflowId);
                if (object.version != null)
                    if ($Number(object.version) !== 0)
                        message.version = object.version >>> 0;
                if (object.documentJson != null)
                    if (typeof object.documentJson !== "string" || object.documentJson.length)
                        message.documentJson = $String(object.documentJson);
                if (object.active != null)
                    if (object.active)
                        message.active = $Boolean(object.active);
                return message;
            };

            /**
             * Creates a plain object from a WorkflowChanged message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.WorkflowChanged
             * @static
             * @param {pipstream.v1.WorkflowChanged} message WorkflowChanged
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            WorkflowChanged.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.account = "";
                    object.workflowId = "";
                    object.version = 0;
                    object.documentJson = "";
                    object.active = false;
                }
                if (message.account != null && $Object.hasOwnProperty.call(message, "account"))
                    object.account = message.account;
                if (message.workflowId != null && $Object.hasOwnProperty.call(message, "workflowId"))
                    object.workflowId = message.workflowId;
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.documentJson != null && $Object.hasOwnProperty.call(message, "documentJson"))
                    object.documentJson = message.documentJson;
                if (message.active != null && $Object.hasOwnProperty.call(message, "active"))
                    object.active = message.active;
                return object;
            };

            /**
             * Converts this WorkflowChanged to JSON.
             * @function toJSON
             * @memberof pipstream.v1.WorkflowChanged
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            WorkflowChanged.prototype.toJSON = function() {
                return WorkflowChanged.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for WorkflowChanged
             * @function getTypeUrl
             * @memberof pipstream.v1.WorkflowChanged
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            WorkflowChanged.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.WorkflowChanged";
            };

            return WorkflowChanged;
        })();

        v1.DeadLetter = (function() {

            /**
             * Properties of a DeadLetter.
             * @typedef {Object} pipstream.v1.DeadLetter.$Properties
             * @property {string|null} [subject] DeadLetter subject
             * @property {string|null} [stream] DeadLetter stream
             * @property {number|null} [streamSeq] DeadLetter streamSeq
             * @property {Uint8Array|null} [data] DeadLetter data
             * @property {string|null} [errorCode] DeadLetter errorCode
             * @property {string|null} [errorMessage] DeadLetter errorMessage
             * @property {string|null} [errorDetailsJson] DeadLetter errorDetailsJson
             * @property {string|null} [consumer] DeadLetter consumer
             * @property {number|null} [failedAtMs] DeadLetter failedAtMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeadLetter.
             * @memberof pipstream.v1
             * @interface IDeadLetter
             * @augments pipstream.v1.DeadLetter.$Properties
             * @deprecated Use pipstream.v1.DeadLetter.$Properties instead.
             */

            /**
             * Shape of a DeadLetter.
             * @typedef {pipstream.v1.DeadLetter.$Properties} pipstream.v1.DeadLetter.$Shape
             */

            /**
             * Constructs a new DeadLetter.
             * @memberof pipstream.v1
             * @classdesc Represents a DeadLetter.
             * @constructor
             * @param {pipstream.v1.DeadLetter.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DeadLetter = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DeadLetter subject.
             * @member {string} subject
             * @memberof pipstream.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.subject = "";

            /**
             * DeadLetter stream.
             * @member {string} stream
             * @memberof pipstream.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.stream = "";

            /**
             * DeadLetter streamSeq.
             * @member {number} streamSeq
             * @memberof pipstream.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.streamSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * DeadLetter data.
             * @member {Uint8Array} data
             * @memberof pipstream.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.data = $util.newBuffer([]);

            /**
             * DeadLetter errorCode.
             * @member {string} errorCode
             * @memberof pipstream.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.errorCode = "";

            /**
             * DeadLetter errorMessage.
             * @member {string} errorMessage
             * @memberof pipstream.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.errorMessage = "";

            /**
             * DeadLetter errorDetailsJson.
             * @member {string} errorDetailsJson
             * @memberof pipstream.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.errorDetailsJson = "";

            /**
             * DeadLetter consumer.
             * @member {string} consumer
             * @memberof pipstream.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.consumer = "";

            /**
             * DeadLetter failedAtMs.
             * @member {number} failedAtMs
             * @memberof pipstream.v1.DeadLetter
             * @instance
             */
            DeadLetter.prototype.failedAtMs = 0;

            /**
             * Creates a new DeadLetter instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.DeadLetter
             * @static
             * @param {pipstream.v1.DeadLetter.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.DeadLetter} DeadLetter instance
             * @type {{
             *   (properties: pipstream.v1.DeadLetter.$Shape): pipstream.v1.DeadLetter & pipstream.v1.DeadLetter.$Shape;
             *   (properties?: pipstream.v1.DeadLetter.$Properties): pipstream.v1.DeadLetter;
             * }}
             */
            DeadLetter.create = function(properties) {
                return new DeadLetter(properties);
            };

            /**
             * Encodes the specified DeadLetter message. Does not implicitly {@link pipstream.v1.DeadLetter.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.DeadLetter
             * @static
             * @param {pipstream.v1.DeadLetter.$Properties} message DeadLetter message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeadLetter.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.subject != null && $Object.hasOwnProperty.call(message, "subject") && message.subject !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.subject);
                if (message.stream != null && $Object.hasOwnProperty.call(message, "stream") && message.stream !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.stream);
                if (message.streamSeq != null && $Object.hasOwnProperty.call(message, "streamSeq") && (typeof message.streamSeq === "object" ? message.streamSeq.low || message.streamSeq.high : message.streamSeq !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.streamSeq);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.data);
                if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode") && message.errorCode !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.errorCode);
                if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage") && message.errorMessage !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.errorMessage);
                if (message.errorDetailsJson != null && $Object.hasOwnProperty.call(message, "errorDetailsJson") && message.errorDetailsJson !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.errorDetailsJson);
                if (message.consumer != null && $Object.hasOwnProperty.call(message, "consumer") && message.consumer !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.consumer);
                if (message.failedAtMs != null && $Object.hasOwnProperty.call(message, "failedAtMs") && !$Object.is(message.failedAtMs, 0))
                    writer.uint32(/* id 9, wireType 1 =*/73).double(message.failedAtMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified DeadLetter message, length delimited. Does not implicitly {@link pipstream.v1.DeadLetter.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.DeadLetter
             * @static
             * @param {pipstream.v1.DeadLetter.$Properties} message DeadLetter message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeadLetter.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a DeadLetter message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.DeadLetter
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.DeadLetter & pipstream.v1.DeadLetter.$Shape} DeadLetter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeadLetter.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.DeadLetter();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.subject = value;
                            else
                                delete message.subject;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.stream = value;
                            else
                                delete message.stream;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.streamSeq = value;
                            else
                                delete message.streamSeq;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.errorCode = value;
                            else
                                delete message.errorCode;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.errorMessage = value;
                            else
                                delete message.errorMessage;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.errorDetailsJson = value;
                            else
                                delete message.errorDetailsJson;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.consumer = value;
                            else
                                delete message.consumer;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.failedAtMs = value;
                            else
                                delete message.failedAtMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a DeadLetter message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.DeadLetter
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.DeadLetter & pipstream.v1.DeadLetter.$Shape} DeadLetter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeadLetter.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a DeadLetter message.
             * @function verify
             * @memberof pipstream.v1.DeadLetter
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DeadLetter.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.subject != null && $Object.hasOwnProperty.call(message, "subject"))
                    if (!$util.isString(message.subject))
                        return "subject: string expected";
                if (message.stream != null && $Object.hasOwnProperty.call(message, "stream"))
                    if (!$util.isString(message.stream))
                        return "stream: string expected";
                if (message.streamSeq != null && $Object.hasOwnProperty.call(message, "streamSeq"))
                    if (!$util.isInteger(message.streamSeq) && !(message.streamSeq && $util.isInteger(message.streamSeq.low) && $util.isInteger(message.streamSeq.high)))
                        return "streamSeq: integer|Long expected";
                if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                    if (!(message.data && typeof message.data.length === "number" || $util.isString(message.data)))
                        return "data: buffer expected";
                if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                    if (!$util.isString(message.errorCode))
                        return "errorCode: string expected";
                if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage"))
                    if (!$util.isString(message.errorMessage))
                        return "errorMessage: string expected";
                if (message.errorDetailsJson != null && $Object.hasOwnProperty.call(message, "errorDetailsJson"))
                    if (!$util.isString(message.errorDetailsJson))
                        return "errorDetailsJson: string expected";
                if (message.consumer != null && $Object.hasOwnProperty.call(message, "consumer"))
                    if (!$util.isString(message.consumer))
                        return "consumer: string expected";
                if (message.failedAtMs != null && $Object.hasOwnProperty.call(message, "failedAtMs"))
                    if (typeof message.failedAtMs !== "number")
                        return "failedAtMs: number expected";
                return null;
            };

            /**
             * Creates a DeadLetter message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.DeadLetter
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.DeadLetter} DeadLetter
             */
            DeadLetter.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.DeadLetter)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.DeadLetter: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.DeadLetter();
                if (object.subject != null)
                    if (typeof object.subject !== "string" || object.subject.length)
                        message.subject = $String(object.subject);
                if (object.stream != null)
                    if (typeof object.stream !== "string" || object.stream.length)
                        message.stream = $String(object.stream);
                if (object.streamSeq != null)
                    if (typeof object.streamSeq === "object" ? object.streamSeq.low || object.streamSeq.high : $Number(object.streamSeq) !== 0)
                        if ($util.Long)
                            message.streamSeq = $util.Long.fromValue(object.streamSeq, true);
                        else if (typeof object.streamSeq === "string")
                            message.streamSeq = $parseInt(object.streamSeq, 10);
                        else if (typeof object.streamSeq === "number")
                            message.streamSeq = object.streamSeq;
                        else if (typeof object.streamSeq === "object")
                            message.streamSeq = new $util.LongBits(object.streamSeq.low >>> 0, object.streamSeq.high >>> 0).toNumber(true);
                if (object.data != null)
                    if (object.data.length)
                        if (typeof object.data === "string")
                            $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                        else if (object.data.length >= 0)
                            message.data = object.data;
                if (object.errorCode != null)
                    if (typeof object.errorCode !== "string" || object.errorCode.length)
                        message.errorCode = $String(object.errorCode);
                if (object.errorMessage != null)
                    if (typeof object.errorMessage !== "string" || object.errorMessage.length)
                        message.errorMessage = $String(object.errorMessage);
                if (object.errorDetailsJson != null)
                    if (typeof object.errorDetailsJson !== "string" || object.errorDetailsJson.length)
                        message.errorDetailsJson = $String(object.errorDetailsJson);
                if (object.consumer != null)
                    if (typeof object.consumer !== "string" || object.consumer.length)
                        message.consumer = $String(object.consumer);
                if (object.failedAtMs != null)
                    if (!$Object.is($Number(object.failedAtMs), 0))
                        message.failedAtMs = $Number(object.failedAtMs);
                return message;
            };

            /**
             * Creates a plain object from a DeadLetter message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.DeadLetter
             * @static
             * @param {pipstream.v1.DeadLetter} message DeadLetter
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DeadLetter.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.subject = "";
                    object.stream = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.streamSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.streamSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (options.bytes === $String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== $Array)
                            object.data = $util.newBuffer(object.data);
                    }
                    object.errorCode = "";
                    object.errorMessage = "";
                    object.errorDetailsJson = "";
                    object.consumer = "";
                    object.failedAtMs = 0;
                }
                if (message.subject != null && $Object.hasOwnProperty.call(message, "subject"))
                    object.subject = message.subject;
                if (message.stream != null && $Object.hasOwnProperty.call(message, "stream"))
                    object.stream = message.stream;
                if (message.streamSeq != null && $Object.hasOwnProperty.call(message, "streamSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.streamSeq = typeof message.streamSeq === "number" ? $BigInt(message.streamSeq) : $util.Long.fromBits(message.streamSeq.low >>> 0, message.streamSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.streamSeq === "number")
                        object.streamSeq = options.longs === $String ? $String(message.streamSeq) : message.streamSeq;
                    else
                        object.streamSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.streamSeq) : options.longs === $Number ? new $util.LongBits(message.streamSeq.low >>> 0, message.streamSeq.high >>> 0).toNumber(true) : message.streamSeq;
                if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                    object.data = options.bytes === $String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.data) : message.data;
                if (message.errorCode != null && $Object.hasOwnProperty.call(message, "errorCode"))
                    object.errorCode = message.errorCode;
                if (message.errorMessage != null && $Object.hasOwnProperty.call(message, "errorMessage"))
                    object.errorMessage = message.errorMessage;
                if (message.errorDetailsJson != null && $Object.hasOwnProperty.call(message, "errorDetailsJson"))
                    object.errorDetailsJson = message.errorDetailsJson;
                if (message.consumer != null && $Object.hasOwnProperty.call(message, "consumer"))
                    object.consumer = message.consumer;
                if (message.failedAtMs != null && $Object.hasOwnProperty.call(message, "failedAtMs"))
                    object.failedAtMs = options.json && !$isFinite(message.failedAtMs) ? $String(message.failedAtMs) : message.failedAtMs;
                return object;
            };

            /**
             * Converts this DeadLetter to JSON.
             * @function toJSON
             * @memberof pipstream.v1.DeadLetter
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DeadLetter.prototype.toJSON = function() {
                return DeadLetter.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DeadLetter
             * @function getTypeUrl
             * @memberof pipstream.v1.DeadLetter
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DeadLetter.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.DeadLetter";
            };

            return DeadLetter;
        })();

        /**
         * EventType enum.
         * @name pipstream.v1.EventType
         * @enum {number}
         * @property {number} EVENT_TYPE_UNSPECIFIED=0 EVENT_TYPE_UNSPECIFIED value
         * @property {number} EVENT_TYPE_TICK=1 EVENT_TYPE_TICK value
         * @property {number} EVENT_TYPE_BAR=2 EVENT_TYPE_BAR value
         * @property {number} EVENT_TYPE_SIGNAL=3 EVENT_TYPE_SIGNAL value
         * @property {number} EVENT_TYPE_REJECTED_TICK=4 EVENT_TYPE_REJECTED_TICK value
         * @property {number} EVENT_TYPE_INSTRUMENT_REGISTERED=5 EVENT_TYPE_INSTRUMENT_REGISTERED value
         * @property {number} EVENT_TYPE_WORKFLOW_CHANGED=6 EVENT_TYPE_WORKFLOW_CHANGED value
         * @property {number} EVENT_TYPE_ORDER_UPDATE=7 EVENT_TYPE_ORDER_UPDATE value
         * @property {number} EVENT_TYPE_RISK_DECISION=8 EVENT_TYPE_RISK_DECISION value
         * @property {number} EVENT_TYPE_NOTIFICATION=9 EVENT_TYPE_NOTIFICATION value
         * @property {number} EVENT_TYPE_POSITION_UPDATE=10 EVENT_TYPE_POSITION_UPDATE value
         * @property {number} EVENT_TYPE_PNL_SAMPLE=11 EVENT_TYPE_PNL_SAMPLE value
         * @property {number} EVENT_TYPE_LATENCY_SAMPLE=12 EVENT_TYPE_LATENCY_SAMPLE value
         * @property {number} EVENT_TYPE_DEAD_LETTER=13 EVENT_TYPE_DEAD_LETTER value
         */
        v1.EventType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "EVENT_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "EVENT_TYPE_TICK"] = 1;
            values[valuesById[2] = "EVENT_TYPE_BAR"] = 2;
            values[valuesById[3] = "EVENT_TYPE_SIGNAL"] = 3;
            values[valuesById[4] = "EVENT_TYPE_REJECTED_TICK"] = 4;
            values[valuesById[5] = "EVENT_TYPE_INSTRUMENT_REGISTERED"] = 5;
            values[valuesById[6] = "EVENT_TYPE_WORKFLOW_CHANGED"] = 6;
            values[valuesById[7] = "EVENT_TYPE_ORDER_UPDATE"] = 7;
            values[valuesById[8] = "EVENT_TYPE_RISK_DECISION"] = 8;
            values[valuesById[9] = "EVENT_TYPE_NOTIFICATION"] = 9;
            values[valuesById[10] = "EVENT_TYPE_POSITION_UPDATE"] = 10;
            values[valuesById[11] = "EVENT_TYPE_PNL_SAMPLE"] = 11;
            values[valuesById[12] = "EVENT_TYPE_LATENCY_SAMPLE"] = 12;
            values[valuesById[13] = "EVENT_TYPE_DEAD_LETTER"] = 13;
            return values;
        })();

        v1.Envelope = (function() {

            /**
             * Properties of an Envelope.
             * @typedef {Object} pipstream.v1.Envelope.$Properties
             * @property {number|null} [schemaVersion] Envelope schemaVersion
             * @property {pipstream.v1.EventType|null} [type] Envelope type
             * @property {string|null} [eventId] Envelope eventId
             * @property {string|null} [correlationId] Envelope correlationId
             * @property {string|null} [causationId] Envelope causationId
             * @property {number|null} [sourceTsUs] Envelope sourceTsUs
             * @property {number|null} [ingestTsUs] Envelope ingestTsUs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Envelope.
             * @memberof pipstream.v1
             * @interface IEnvelope
             * @augments pipstream.v1.Envelope.$Properties
             * @deprecated Use pipstream.v1.Envelope.$Properties instead.
             */

            /**
             * Shape of an Envelope.
             * @typedef {pipstream.v1.Envelope.$Properties} pipstream.v1.Envelope.$Shape
             */

            /**
             * Constructs a new Envelope.
             * @memberof pipstream.v1
             * @classdesc Represents an Envelope.
             * @constructor
             * @param {pipstream.v1.Envelope.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Envelope = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Envelope schemaVersion.
             * @member {number} schemaVersion
             * @memberof pipstream.v1.Envelope
             * @instance
             */
            Envelope.prototype.schemaVersion = 0;

            /**
             * Envelope type.
             * @member {pipstream.v1.EventType} type
             * @memberof pipstream.v1.Envelope
             * @instance
             */
            Envelope.prototype.type = 0;

            /**
             * Envelope eventId.
             * @member {string} eventId
             * @memberof pipstream.v1.Envelope
             * @instance
             */
            Envelope.prototype.eventId = "";

            /**
             * Envelope correlationId.
             * @member {string} correlationId
             * @memberof pipstream.v1.Envelope
             * @instance
             */
            Envelope.prototype.correlationId = "";

            /**
             * Envelope causationId.
             * @member {string} causationId
             * @memberof pipstream.v1.Envelope
             * @instance
             */
            Envelope.prototype.causationId = "";

            /**
             * Envelope sourceTsUs.
             * @member {number} sourceTsUs
             * @memberof pipstream.v1.Envelope
             * @instance
             */
            Envelope.prototype.sourceTsUs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Envelope ingestTsUs.
             * @member {number} ingestTsUs
             * @memberof pipstream.v1.Envelope
             * @instance
             */
            Envelope.prototype.ingestTsUs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new Envelope instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.Envelope
             * @static
             * @param {pipstream.v1.Envelope.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.Envelope} Envelope instance
             * @type {{
             *   (properties: pipstream.v1.Envelope.$Shape): pipstream.v1.Envelope & pipstream.v1.Envelope.$Shape;
             *   (properties?: pipstream.v1.Envelope.$Properties): pipstream.v1.Envelope;
             * }}
             */
            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link pipstream.v1.Envelope.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.Envelope
             * @static
             * @param {pipstream.v1.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion") && message.schemaVersion !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.schemaVersion);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.type);
                if (message.eventId != null && $Object.hasOwnProperty.call(message, "eventId") && message.eventId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.eventId);
                if (message.correlationId != null && $Object.hasOwnProperty.call(message, "correlationId") && message.correlationId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.correlationId);
                if (message.causationId != null && $Object.hasOwnProperty.call(message, "causationId") && message.causationId !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.causationId);
                if (message.sourceTsUs != null && $Object.hasOwnProperty.call(message, "sourceTsUs") && (typeof message.sourceTsUs === "object" ? message.sourceTsUs.low || message.sourceTsUs.high : message.sourceTsUs !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).int64(message.sourceTsUs);
                if (message.ingestTsUs != null && $Object.hasOwnProperty.call(message, "ingestTsUs") && (typeof message.ingestTsUs === "object" ? message.ingestTsUs.low || message.ingestTsUs.high : message.ingestTsUs !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).int64(message.ingestTsUs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Envelope message, length delimited. Does not implicitly {@link pipstream.v1.Envelope.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.Envelope
             * @static
             * @param {pipstream.v1.Envelope.$Properties} message Envelope message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Envelope.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.Envelope & pipstream.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.Envelope();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.schemaVersion = value;
                            else
                                delete message.schemaVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.eventId = value;
                            else
                                delete message.eventId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.correlationId = value;
                            else
                                delete message.correlationId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.causationId = value;
                            else
                                delete message.causationId;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.sourceTsUs = value;
                            else
                                delete message.sourceTsUs;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.ingestTsUs = value;
                            else
                                delete message.ingestTsUs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an Envelope message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.Envelope
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.Envelope & pipstream.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Envelope.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Envelope message.
             * @function verify
             * @memberof pipstream.v1.Envelope
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Envelope.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    if (!$util.isInteger(message.schemaVersion))
                        return "schemaVersion: integer expected";
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    if (typeof message.type !== "number" || (message.type | 0) !== message.type)
                        return "type: enum value expected";
                if (message.eventId != null && $Object.hasOwnProperty.call(message, "eventId"))
                    if (!$util.isString(message.eventId))
                        return "eventId: string expected";
                if (message.correlationId != null && $Object.hasOwnProperty.call(message, "correlationId"))
                    if (!$util.isString(message.correlationId))
                        return "correlationId: string expected";
                if (message.causationId != null && $Object.hasOwnProperty.call(message, "causationId"))
                    if (!$util.isString(message.causationId))
                        return "causationId: string expected";
                if (message.sourceTsUs != null && $Object.hasOwnProperty.call(message, "sourceTsUs"))
                    if (!$util.isInteger(message.sourceTsUs) && !(message.sourceTsUs && $util.isInteger(message.sourceTsUs.low) && $util.isInteger(message.sourceTsUs.high)))
                        return "sourceTsUs: integer|Long expected";
                if (message.ingestTsUs != null && $Object.hasOwnProperty.call(message, "ingestTsUs"))
                    if (!$util.isInteger(message.ingestTsUs) && !(message.ingestTsUs && $util.isInteger(message.ingestTsUs.low) && $util.isInteger(message.ingestTsUs.high)))
                        return "ingestTsUs: integer|Long expected";
                return null;
            };

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.Envelope
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.Envelope} Envelope
             */
            Envelope.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.Envelope)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.Envelope: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.Envelope();
                if (object.schemaVersion != null)
                    if ($Number(object.schemaVersion) !== 0)
                        message.schemaVersion = object.schemaVersion >>> 0;
                if (object.type !== 0 && (typeof object.type !== "string" || $root.pipstream.v1.EventType[object.type] !== 0))
                    switch (object.type) {
                    case "EVENT_TYPE_UNSPECIFIED":
                    case 0:
                        message.type = 0;
                        break;
                    case "EVENT_TYPE_TICK":
                    case 1:
                        message.type = 1;
                        break;
                    case "EVENT_TYPE_BAR":
                    case 2:
                        message.type = 2;
                        break;
                    case "EVENT_TYPE_SIGNAL":
                    case 3:
                        message.type = 3;
                        break;
                    case "EVENT_TYPE_REJECTED_TICK":
                    case 4:
                        message.type = 4;
                        break;
                    case "EVENT_TYPE_INSTRUMENT_REGISTERED":
                    case 5:
                        message.type = 5;
                        break;
                    case "EVENT_TYPE_WORKFLOW_CHANGED":
                    case 6:
                        message.type = 6;
                        break;
                    case "EVENT_TYPE_ORDER_UPDATE":
                    case 7:
                        message.type = 7;
                        break;
                    case "EVENT_TYPE_RISK_DECISION":
                    case 8:
                        message.type = 8;
                        break;
                    case "EVENT_TYPE_NOTIFICATION":
                    case 9:
                        message.type = 9;
                        break;
                    case "EVENT_TYPE_POSITION_UPDATE":
                    case 10:
                        message.type = 10;
                        break;
                    case "EVENT_TYPE_PNL_SAMPLE":
                    case 11:
                        message.type = 11;
                        break;
                    case "EVENT_TYPE_LATENCY_SAMPLE":
                    case 12:
                        message.type = 12;
                        break;
                    case "EVENT_TYPE_DEAD_LETTER":
                    case 13:
                        message.type = 13;
                        break;
                    default:
                        if (typeof object.type === "number" && (object.type | 0) === object.type)
                            message.type = object.type;
                    }
                if (object.eventId != null)
                    if (typeof object.eventId !== "string" || object.eventId.length)
                        message.eventId = $String(object.eventId);
                if (object.correlationId != null)
                    if (typeof object.correlationId !== "string" || object.correlationId.length)
                        message.correlationId = $String(object.correlationId);
                if (object.causationId != null)
                    if (typeof object.causationId !== "string" || object.causationId.length)
                        message.causationId = $String(object.causationId);
                if (object.sourceTsUs != null)
                    if (typeof object.sourceTsUs === "object" ? object.sourceTsUs.low || object.sourceTsUs.high : $Number(object.sourceTsUs) !== 0)
                        if ($util.Long)
                            message.sourceTsUs = $util.Long.fromValue(object.sourceTsUs, false);
                        else if (typeof object.sourceTsUs === "string")
                            message.sourceTsUs = $parseInt(object.sourceTsUs, 10);
                        else if (typeof object.sourceTsUs === "number")
                            message.sourceTsUs = object.sourceTsUs;
                        else if (typeof object.sourceTsUs === "object")
                            message.sourceTsUs = new $util.LongBits(object.sourceTsUs.low >>> 0, object.sourceTsUs.high >>> 0).toNumber();
                if (object.ingestTsUs != null)
                    if (typeof object.ingestTsUs === "object" ? object.ingestTsUs.low || object.ingestTsUs.high : $Number(object.ingestTsUs) !== 0)
                        if ($util.Long)
                            message.ingestTsUs = $util.Long.fromValue(object.ingestTsUs, false);
                        else if (typeof object.ingestTsUs === "string")
                            message.ingestTsUs = $parseInt(object.ingestTsUs, 10);
                        else if (typeof object.ingestTsUs === "number")
                            message.ingestTsUs = object.ingestTsUs;
                        else if (typeof object.ingestTsUs === "object")
                            message.ingestTsUs = new $util.LongBits(object.ingestTsUs.low >>> 0, object.ingestTsUs.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.Envelope
             * @static
             * @param {pipstream.v1.Envelope} message Envelope
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Envelope.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.schemaVersion = 0;
                    object.type = options.enums === $String ? "EVENT_TYPE_UNSPECIFIED" : 0;
                    object.eventId = "";
                    object.correlationId = "";
                    object.causationId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.sourceTsUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sourceTsUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.ingestTsUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.ingestTsUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.schemaVersion != null && $Object.hasOwnProperty.call(message, "schemaVersion"))
                    object.schemaVersion = message.schemaVersion;
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    object.type = options.enums === $String ? $root.pipstream.v1.EventType[message.type] === $undefined ? message.type : $root.pipstream.v1.EventType[message.type] : message.type;
                if (message.eventId != null && $Object.hasOwnProperty.call(message, "eventId"))
                    object.eventId = message.eventId;
                if (message.correlationId != null && $Object.hasOwnProperty.call(message, "correlationId"))
                    object.correlationId = message.correlationId;
                if (message.causationId != null && $Object.hasOwnProperty.call(message, "causationId"))
                    object.causationId = message.causationId;
                if (message.sourceTsUs != null && $Object.hasOwnProperty.call(message, "sourceTsUs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sourceTsUs = typeof message.sourceTsUs === "number" ? $BigInt(message.sourceTsUs) : $util.Long.fromBits(message.sourceTsUs.low >>> 0, message.sourceTsUs.high >>> 0, false).toBigInt();
                    else if (typeof message.sourceTsUs === "number")
                        object.sourceTsUs = options.longs === $String ? $String(message.sourceTsUs) : message.sourceTsUs;
                    else
                        object.sourceTsUs = options.longs === $String ? $util.Long.prototype.toString.call(message.sourceTsUs) : options.longs === $Number ? new $util.LongBits(message.sourceTsUs.low >>> 0, message.sourceTsUs.high >>> 0).toNumber() : message.sourceTsUs;
                if (message.ingestTsUs != null && $Object.hasOwnProperty.call(message, "ingestTsUs"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.ingestTsUs = typeof message.ingestTsUs === "number" ? $BigInt(message.ingestTsUs) : $util.Long.fromBits(message.ingestTsUs.low >>> 0, message.ingestTsUs.high >>> 0, false).toBigInt();
                    else if (typeof message.ingestTsUs === "number")
                        object.ingestTsUs = options.longs === $String ? $String(message.ingestTsUs) : message.ingestTsUs;
                    else
                        object.ingestTsUs = options.longs === $String ? $util.Long.prototype.toString.call(message.ingestTsUs) : options.longs === $Number ? new $util.LongBits(message.ingestTsUs.low >>> 0, message.ingestTsUs.high >>> 0).toNumber() : message.ingestTsUs;
                return object;
            };

            /**
             * Converts this Envelope to JSON.
             * @function toJSON
             * @memberof pipstream.v1.Envelope
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Envelope.prototype.toJSON = function() {
                return Envelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Envelope
             * @function getTypeUrl
             * @memberof pipstream.v1.Envelope
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Envelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.Envelope";
            };

            return Envelope;
        })();

        v1.EnvelopeOnly = (function() {

            /**
             * Properties of an EnvelopeOnly.
             * @typedef {Object} pipstream.v1.EnvelopeOnly.$Properties
             * @property {pipstream.v1.Envelope.$Properties|null} [envelope] EnvelopeOnly envelope
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an EnvelopeOnly.
             * @memberof pipstream.v1
             * @interface IEnvelopeOnly
             * @augments pipstream.v1.EnvelopeOnly.$Properties
             * @deprecated Use pipstream.v1.EnvelopeOnly.$Properties instead.
             */

            /**
             * Shape of an EnvelopeOnly.
             * @typedef {pipstream.v1.EnvelopeOnly.$Properties} pipstream.v1.EnvelopeOnly.$Shape
             */

            /**
             * Constructs a new EnvelopeOnly.
             * @memberof pipstream.v1
             * @classdesc Represents an EnvelopeOnly.
             * @constructor
             * @param {pipstream.v1.EnvelopeOnly.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const EnvelopeOnly = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * EnvelopeOnly envelope.
             * @member {pipstream.v1.Envelope.$Properties|null|undefined} envelope
             * @memberof pipstream.v1.EnvelopeOnly
             * @instance
             */
            EnvelopeOnly.prototype.envelope = null;

            /**
             * Creates a new EnvelopeOnly instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.EnvelopeOnly
             * @static
             * @param {pipstream.v1.EnvelopeOnly.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.EnvelopeOnly} EnvelopeOnly instance
             * @type {{
             *   (properties: pipstream.v1.EnvelopeOnly.$Shape): pipstream.v1.EnvelopeOnly & pipstream.v1.EnvelopeOnly.$Shape;
             *   (properties?: pipstream.v1.EnvelopeOnly.$Properties): pipstream.v1.EnvelopeOnly;
             * }}
             */
            EnvelopeOnly.create = function(properties) {
                return new EnvelopeOnly(properties);
            };

            /**
             * Encodes the specified EnvelopeOnly message. Does not implicitly {@link pipstream.v1.EnvelopeOnly.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.EnvelopeOnly
             * @static
             * @param {pipstream.v1.EnvelopeOnly.$Properties} message EnvelopeOnly message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EnvelopeOnly.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    $root.pipstream.v1.Envelope.encode(message.envelope, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified EnvelopeOnly message, length delimited. Does not implicitly {@link pipstream.v1.EnvelopeOnly.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.EnvelopeOnly
             * @static
             * @param {pipstream.v1.EnvelopeOnly.$Properties} message EnvelopeOnly message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            EnvelopeOnly.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an EnvelopeOnly message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.EnvelopeOnly
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.EnvelopeOnly & pipstream.v1.EnvelopeOnly.$Shape} EnvelopeOnly
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EnvelopeOnly.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.EnvelopeOnly();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.envelope = $root.pipstream.v1.Envelope.decode(reader, reader.size(), $undefined, _depth + 1, message.envelope);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an EnvelopeOnly message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.EnvelopeOnly
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.EnvelopeOnly & pipstream.v1.EnvelopeOnly.$Shape} EnvelopeOnly
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            EnvelopeOnly.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an EnvelopeOnly message.
             * @function verify
             * @memberof pipstream.v1.EnvelopeOnly
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            EnvelopeOnly.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope")) {
                    let error = $root.pipstream.v1.Envelope.verify(message.envelope, _depth + 1);
                    if (error)
                        return "envelope." + error;
                }
                return null;
            };

            /**
             * Creates an EnvelopeOnly message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.EnvelopeOnly
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.EnvelopeOnly} EnvelopeOnly
             */
            EnvelopeOnly.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.EnvelopeOnly)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.EnvelopeOnly: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.EnvelopeOnly();
                if (object.envelope != null) {
                    if (!$util.isObject(object.envelope))
                        throw $TypeError(".pipstream.v1.EnvelopeOnly.envelope: object expected");
                    message.envelope = $root.pipstream.v1.Envelope.fromObject(object.envelope, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an EnvelopeOnly message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.EnvelopeOnly
             * @static
             * @param {pipstream.v1.EnvelopeOnly} message EnvelopeOnly
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            EnvelopeOnly.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.envelope = null;
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    object.envelope = $root.pipstream.v1.Envelope.toObject(message.envelope, options, _depth + 1);
                return object;
            };

            /**
             * Converts this EnvelopeOnly to JSON.
             * @function toJSON
             * @memberof pipstream.v1.EnvelopeOnly
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            EnvelopeOnly.prototype.toJSON = function() {
                return EnvelopeOnly.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for EnvelopeOnly
             * @function getTypeUrl
             * @memberof pipstream.v1.EnvelopeOnly
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            EnvelopeOnly.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.EnvelopeOnly";
            };

            return EnvelopeOnly;
        })();

        v1.TickEvent = (function() {

            /**
             * Properties of a TickEvent.
             * @typedef {Object} pipstream.v1.TickEvent.$Properties
             * @property {pipstream.v1.Envelope.$Properties|null} [envelope] TickEvent envelope
             * @property {pipstream.v1.Tick.$Properties|null} [tick] TickEvent tick
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a TickEvent.
             * @memberof pipstream.v1
             * @interface ITickEvent
             * @augments pipstream.v1.TickEvent.$Properties
             * @deprecated Use pipstream.v1.TickEvent.$Properties instead.
             */

            /**
             * Shape of a TickEvent.
             * @typedef {pipstream.v1.TickEvent.$Properties} pipstream.v1.TickEvent.$Shape
             */

            /**
             * Constructs a new TickEvent.
             * @memberof pipstream.v1
             * @classdesc Represents a TickEvent.
             * @constructor
             * @param {pipstream.v1.TickEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const TickEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * TickEvent envelope.
             * @member {pipstream.v1.Envelope.$Properties|null|undefined} envelope
             * @memberof pipstream.v1.TickEvent
             * @instance
             */
            TickEvent.prototype.envelope = null;

            /**
             * TickEvent tick.
             * @member {pipstream.v1.Tick.$Properties|null|undefined} tick
             * @memberof pipstream.v1.TickEvent
             * @instance
             */
            TickEvent.prototype.tick = null;

            /**
             * Creates a new TickEvent instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.TickEvent
             * @static
             * @param {pipstream.v1.TickEvent.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.TickEvent} TickEvent instance
             * @type {{
             *   (properties: pipstream.v1.TickEvent.$Shape): pipstream.v1.TickEvent & pipstream.v1.TickEvent.$Shape;
             *   (properties?: pipstream.v1.TickEvent.$Properties): pipstream.v1.TickEvent;
             * }}
             */
            TickEvent.create = function(properties) {
                return new TickEvent(properties);
            };

            /**
             * Encodes the specified TickEvent message. Does not implicitly {@link pipstream.v1.TickEvent.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.TickEvent
             * @static
             * @param {pipstream.v1.TickEvent.$Properties} message TickEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TickEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    $root.pipstream.v1.Envelope.encode(message.envelope, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.tick != null && $Object.hasOwnProperty.call(message, "tick"))
                    $root.pipstream.v1.Tick.encode(message.tick, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified TickEvent message, length delimited. Does not implicitly {@link pipstream.v1.TickEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.TickEvent
             * @static
             * @param {pipstream.v1.TickEvent.$Properties} message TickEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            TickEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a TickEvent message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.TickEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.TickEvent & pipstream.v1.TickEvent.$Shape} TickEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TickEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.TickEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.envelope = $root.pipstream.v1.Envelope.decode(reader, reader.size(), $undefined, _depth + 1, message.envelope);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.tick = $root.pipstream.v1.Tick.decode(reader, reader.size(), $undefined, _depth + 1, message.tick);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a TickEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.TickEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.TickEvent & pipstream.v1.TickEvent.$Shape} TickEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            TickEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a TickEvent message.
             * @function verify
             * @memberof pipstream.v1.TickEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            TickEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope")) {
                    let error = $root.pipstream.v1.Envelope.verify(message.envelope, _depth + 1);
                    if (error)
                        return "envelope." + error;
                }
                if (message.tick != null && $Object.hasOwnProperty.call(message, "tick")) {
                    let error = $root.pipstream.v1.Tick.verify(message.tick, _depth + 1);
                    if (error)
                        return "tick." + error;
                }
                return null;
            };

            /**
             * Creates a TickEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.TickEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.TickEvent} TickEvent
             */
            TickEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.TickEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.TickEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.TickEvent();
                if (object.envelope != null) {
                    if (!$util.isObject(object.envelope))
                        throw $TypeError(".pipstream.v1.TickEvent.envelope: object expected");
                    message.envelope = $root.pipstream.v1.Envelope.fromObject(object.envelope, _depth + 1);
                }
                if (object.tick != null) {
                    if (!$util.isObject(object.tick))
                        throw $TypeError(".pipstream.v1.TickEvent.tick: object expected");
                    message.tick = $root.pipstream.v1.Tick.fromObject(object.tick, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a TickEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.TickEvent
             * @static
             * @param {pipstream.v1.TickEvent} message TickEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            TickEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.envelope = null;
                    object.tick = null;
                }
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    object.envelope = $root.pipstream.v1.Envelope.toObject(message.envelope, options, _depth + 1);
                if (message.tick != null && $Object.hasOwnProperty.call(message, "tick"))
                    object.tick = $root.pipstream.v1.Tick.toObject(message.tick, options, _depth + 1);
                return object;
            };

            /**
             * Converts this TickEvent to JSON.
             * @function toJSON
             * @memberof pipstream.v1.TickEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            TickEvent.prototype.toJSON = function() {
                return TickEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for TickEvent
             * @function getTypeUrl
             * @memberof pipstream.v1.TickEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            TickEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.TickEvent";
            };

            return TickEvent;
        })();

        v1.BarEvent = (function() {

            /**
             * Properties of a BarEvent.
             * @typedef {Object} pipstream.v1.BarEvent.$Properties
             * @property {pipstream.v1.Envelope.$Properties|null} [envelope] BarEvent envelope
             * @property {pipstream.v1.Bar.$Properties|null} [bar] BarEvent bar
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a BarEvent.
             * @memberof pipstream.v1
             * @interface IBarEvent
             * @augments pipstream.v1.BarEvent.$Properties
             * @deprecated Use pipstream.v1.BarEvent.$Properties instead.
             */

            /**
             * Shape of a BarEvent.
             * @typedef {pipstream.v1.BarEvent.$Properties} pipstream.v1.BarEvent.$Shape
             */

            /**
             * Constructs a new BarEvent.
             * @memberof pipstream.v1
             * @classdesc Represents a BarEvent.
             * @constructor
             * @param {pipstream.v1.BarEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const BarEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * BarEvent envelope.
             * @member {pipstream.v1.Envelope.$Properties|null|undefined} envelope
             * @memberof pipstream.v1.BarEvent
             * @instance
             */
            BarEvent.prototype.envelope = null;

            /**
             * BarEvent bar.
             * @member {pipstream.v1.Bar.$Properties|null|undefined} bar
             * @memberof pipstream.v1.BarEvent
             * @instance
             */
            BarEvent.prototype.bar = null;

            /**
             * Creates a new BarEvent instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.BarEvent
             * @static
             * @param {pipstream.v1.BarEvent.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.BarEvent} BarEvent instance
             * @type {{
             *   (properties: pipstream.v1.BarEvent.$Shape): pipstream.v1.BarEvent & pipstream.v1.BarEvent.$Shape;
             *   (properties?: pipstream.v1.BarEvent.$Properties): pipstream.v1.BarEvent;
             * }}
             */
            BarEvent.create = function(properties) {
                return new BarEvent(properties);
            };

            /**
             * Encodes the specified BarEvent message. Does not implicitly {@link pipstream.v1.BarEvent.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.BarEvent
             * @static
             * @param {pipstream.v1.BarEvent.$Properties} message BarEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BarEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    $root.pipstream.v1.Envelope.encode(message.envelope, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.bar != null && $Object.hasOwnProperty.call(message, "bar"))
                    $root.pipstream.v1.Bar.encode(message.bar, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified BarEvent message, length delimited. Does not implicitly {@link pipstream.v1.BarEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.BarEvent
             * @static
             * @param {pipstream.v1.BarEvent.$Properties} message BarEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            BarEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a BarEvent message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.BarEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.BarEvent & pipstream.v1.BarEvent.$Shape} BarEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BarEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.BarEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.envelope = $root.pipstream.v1.Envelope.decode(reader, reader.size(), $undefined, _depth + 1, message.envelope);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.bar = $root.pipstream.v1.Bar.decode(reader, reader.size(), $undefined, _depth + 1, message.bar);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a BarEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.BarEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.BarEvent & pipstream.v1.BarEvent.$Shape} BarEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            BarEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a BarEvent message.
             * @function verify
             * @memberof pipstream.v1.BarEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            BarEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope")) {
                    let error = $root.pipstream.v1.Envelope.verify(message.envelope, _depth + 1);
                    if (error)
                        return "envelope." + error;
                }
                if (message.bar != null && $Object.hasOwnProperty.call(message, "bar")) {
                    let error = $root.pipstream.v1.Bar.verify(message.bar, _depth + 1);
                    if (error)
                        return "bar." + error;
                }
                return null;
            };

            /**
             * Creates a BarEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.BarEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.BarEvent} BarEvent
             */
            BarEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.BarEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.BarEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.BarEvent();
                if (object.envelope != null) {
                    if (!$util.isObject(object.envelope))
                        throw $TypeError(".pipstream.v1.BarEvent.envelope: object expected");
                    message.envelope = $root.pipstream.v1.Envelope.fromObject(object.envelope, _depth + 1);
                }
                if (object.bar != null) {
                    if (!$util.isObject(object.bar))
                        throw $TypeError(".pipstream.v1.BarEvent.bar: object expected");
                    message.bar = $root.pipstream.v1.Bar.fromObject(object.bar, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a BarEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.BarEvent
             * @static
             * @param {pipstream.v1.BarEvent} message BarEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            BarEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.envelope = null;
                    object.bar = null;
                }
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    object.envelope = $root.pipstream.v1.Envelope.toObject(message.envelope, options, _depth + 1);
                if (message.bar != null && $Object.hasOwnProperty.call(message, "bar"))
                    object.bar = $root.pipstream.v1.Bar.toObject(message.bar, options, _depth + 1);
                return object;
            };

            /**
             * Converts this BarEvent to JSON.
             * @function toJSON
             * @memberof pipstream.v1.BarEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            BarEvent.prototype.toJSON = function() {
                return BarEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for BarEvent
             * @function getTypeUrl
             * @memberof pipstream.v1.BarEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            BarEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.BarEvent";
            };

            return BarEvent;
        })();

        v1.SignalEvent = (function() {

            /**
             * Properties of a SignalEvent.
             * @typedef {Object} pipstream.v1.SignalEvent.$Properties
             * @property {pipstream.v1.Envelope.$Properties|null} [envelope] SignalEvent envelope
             * @property {pipstream.v1.Signal.$Properties|null} [signal] SignalEvent signal
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SignalEvent.
             * @memberof pipstream.v1
             * @interface ISignalEvent
             * @augments pipstream.v1.SignalEvent.$Properties
             * @deprecated Use pipstream.v1.SignalEvent.$Properties instead.
             */

            /**
             * Shape of a SignalEvent.
             * @typedef {pipstream.v1.SignalEvent.$Properties} pipstream.v1.SignalEvent.$Shape
             */

            /**
             * Constructs a new SignalEvent.
             * @memberof pipstream.v1
             * @classdesc Represents a SignalEvent.
             * @constructor
             * @param {pipstream.v1.SignalEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const SignalEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SignalEvent envelope.
             * @member {pipstream.v1.Envelope.$Properties|null|undefined} envelope
             * @memberof pipstream.v1.SignalEvent
             * @instance
             */
            SignalEvent.prototype.envelope = null;

            /**
             * SignalEvent signal.
             * @member {pipstream.v1.Signal.$Properties|null|undefined} signal
             * @memberof pipstream.v1.SignalEvent
             * @instance
             */
            SignalEvent.prototype.signal = null;

            /**
             * Creates a new SignalEvent instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.SignalEvent
             * @static
             * @param {pipstream.v1.SignalEvent.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.SignalEvent} SignalEvent instance
             * @type {{
             *   (properties: pipstream.v1.SignalEvent.$Shape): pipstream.v1.SignalEvent & pipstream.v1.SignalEvent.$Shape;
             *   (properties?: pipstream.v1.SignalEvent.$Properties): pipstream.v1.SignalEvent;
             * }}
             */
            SignalEvent.create = function(properties) {
                return new SignalEvent(properties);
            };

            /**
             * Encodes the specified SignalEvent message. Does not implicitly {@link pipstream.v1.SignalEvent.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.SignalEvent
             * @static
             * @param {pipstream.v1.SignalEvent.$Properties} message SignalEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignalEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    $root.pipstream.v1.Envelope.encode(message.envelope, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.signal != null && $Object.hasOwnProperty.call(message, "signal"))
                    $root.pipstream.v1.Signal.encode(message.signal, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified SignalEvent message, length delimited. Does not implicitly {@link pipstream.v1.SignalEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.SignalEvent
             * @static
             * @param {pipstream.v1.SignalEvent.$Properties} message SignalEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SignalEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SignalEvent message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.SignalEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.SignalEvent & pipstream.v1.SignalEvent.$Shape} SignalEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignalEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.SignalEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.envelope = $root.pipstream.v1.Envelope.decode(reader, reader.size(), $undefined, _depth + 1, message.envelope);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.signal = $root.pipstream.v1.Signal.decode(reader, reader.size(), $undefined, _depth + 1, message.signal);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a SignalEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.SignalEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.SignalEvent & pipstream.v1.SignalEvent.$Shape} SignalEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SignalEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SignalEvent message.
             * @function verify
             * @memberof pipstream.v1.SignalEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SignalEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope")) {
                    let error = $root.pipstream.v1.Envelope.verify(message.envelope, _depth + 1);
                    if (error)
                        return "envelope." + error;
                }
                if (message.signal != null && $Object.hasOwnProperty.call(message, "signal")) {
                    let error = $root.pipstream.v1.Signal.verify(message.signal, _depth + 1);
                    if (error)
                        return "signal." + error;
                }
                return null;
            };

            /**
             * Creates a SignalEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.SignalEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.SignalEvent} SignalEvent
             */
            SignalEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.SignalEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.SignalEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.SignalEvent();
                if (object.envelope != null) {
                    if (!$util.isObject(object.envelope))
                        throw $TypeError(".pipstream.v1.SignalEvent.envelope: object expected");
                    message.envelope = $root.pipstream.v1.Envelope.fromObject(object.envelope, _depth + 1);
                }
                if (object.signal != null) {
                    if (!$util.isObject(object.signal))
                        throw $TypeError(".pipstream.v1.SignalEvent.signal: object expected");
                    message.signal = $root.pipstream.v1.Signal.fromObject(object.signal, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a SignalEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.SignalEvent
             * @static
             * @param {pipstream.v1.SignalEvent} message SignalEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SignalEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.envelope = null;
                    object.signal = null;
                }
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    object.envelope = $root.pipstream.v1.Envelope.toObject(message.envelope, options, _depth + 1);
                if (message.signal != null && $Object.hasOwnProperty.call(message, "signal"))
                    object.signal = $root.pipstream.v1.Signal.toObject(message.signal, options, _depth + 1);
                return object;
            };

            /**
             * Converts this SignalEvent to JSON.
             * @function toJSON
             * @memberof pipstream.v1.SignalEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SignalEvent.prototype.toJSON = function() {
                return SignalEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SignalEvent
             * @function getTypeUrl
             * @memberof pipstream.v1.SignalEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SignalEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.SignalEvent";
            };

            return SignalEvent;
        })();

        v1.RejectedTickEvent = (function() {

            /**
             * Properties of a RejectedTickEvent.
             * @typedef {Object} pipstream.v1.RejectedTickEvent.$Properties
             * @property {pipstream.v1.Envelope.$Properties|null} [envelope] RejectedTickEvent envelope
             * @property {pipstream.v1.RejectedTick.$Properties|null} [rejectedTick] RejectedTickEvent rejectedTick
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RejectedTickEvent.
             * @memberof pipstream.v1
             * @interface IRejectedTickEvent
             * @augments pipstream.v1.RejectedTickEvent.$Properties
             * @deprecated Use pipstream.v1.RejectedTickEvent.$Properties instead.
             */

            /**
             * Shape of a RejectedTickEvent.
             * @typedef {pipstream.v1.RejectedTickEvent.$Properties} pipstream.v1.RejectedTickEvent.$Shape
             */

            /**
             * Constructs a new RejectedTickEvent.
             * @memberof pipstream.v1
             * @classdesc Represents a RejectedTickEvent.
             * @constructor
             * @param {pipstream.v1.RejectedTickEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RejectedTickEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RejectedTickEvent envelope.
             * @member {pipstream.v1.Envelope.$Properties|null|undefined} envelope
             * @memberof pipstream.v1.RejectedTickEvent
             * @instance
             */
            RejectedTickEvent.prototype.envelope = null;

            /**
             * RejectedTickEvent rejectedTick.
             * @member {pipstream.v1.RejectedTick.$Properties|null|undefined} rejectedTick
             * @memberof pipstream.v1.RejectedTickEvent
             * @instance
             */
            RejectedTickEvent.prototype.rejectedTick = null;

            /**
             * Creates a new RejectedTickEvent instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.RejectedTickEvent
             * @static
             * @param {pipstream.v1.RejectedTickEvent.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.RejectedTickEvent} RejectedTickEvent instance
             * @type {{
             *   (properties: pipstream.v1.RejectedTickEvent.$Shape): pipstream.v1.RejectedTickEvent & pipstream.v1.RejectedTickEvent.$Shape;
             *   (properties?: pipstream.v1.RejectedTickEvent.$Properties): pipstream.v1.RejectedTickEvent;
             * }}
             */
            RejectedTickEvent.create = function(properties) {
                return new RejectedTickEvent(properties);
            };

            /**
             * Encodes the specified RejectedTickEvent message. Does not implicitly {@link pipstream.v1.RejectedTickEvent.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.RejectedTickEvent
             * @static
             * @param {pipstream.v1.RejectedTickEvent.$Properties} message RejectedTickEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RejectedTickEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    $root.pipstream.v1.Envelope.encode(message.envelope, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.rejectedTick != null && $Object.hasOwnProperty.call(message, "rejectedTick"))
                    $root.pipstream.v1.RejectedTick.encode(message.rejectedTick, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RejectedTickEvent message, length delimited. Does not implicitly {@link pipstream.v1.RejectedTickEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.RejectedTickEvent
             * @static
             * @param {pipstream.v1.RejectedTickEvent.$Properties} message RejectedTickEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RejectedTickEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RejectedTickEvent message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.RejectedTickEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.RejectedTickEvent & pipstream.v1.RejectedTickEvent.$Shape} RejectedTickEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RejectedTickEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.RejectedTickEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.envelope = $root.pipstream.v1.Envelope.decode(reader, reader.size(), $undefined, _depth + 1, message.envelope);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.rejectedTick = $root.pipstream.v1.RejectedTick.decode(reader, reader.size(), $undefined, _depth + 1, message.rejectedTick);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RejectedTickEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.RejectedTickEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.RejectedTickEvent & pipstream.v1.RejectedTickEvent.$Shape} RejectedTickEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RejectedTickEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RejectedTickEvent message.
             * @function verify
             * @memberof pipstream.v1.RejectedTickEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RejectedTickEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope")) {
                    let error = $root.pipstream.v1.Envelope.verify(message.envelope, _depth + 1);
                    if (error)
                        return "envelope." + error;
                }
                if (message.rejectedTick != null && $Object.hasOwnProperty.call(message, "rejectedTick")) {
                    let error = $root.pipstream.v1.RejectedTick.verify(message.rejectedTick, _depth + 1);
                    if (error)
                        return "rejectedTick." + error;
                }
                return null;
            };

            /**
             * Creates a RejectedTickEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.RejectedTickEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.RejectedTickEvent} RejectedTickEvent
             */
            RejectedTickEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.RejectedTickEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.RejectedTickEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.RejectedTickEvent();
                if (object.envelope != null) {
                    if (!$util.isObject(object.envelope))
                        throw $TypeError(".pipstream.v1.RejectedTickEvent.envelope: object expected");
                    message.envelope = $root.pipstream.v1.Envelope.fromObject(object.envelope, _depth + 1);
                }
                if (object.rejectedTick != null) {
                    if (!$util.isObject(object.rejectedTick))
                        throw $TypeError(".pipstream.v1.RejectedTickEvent.rejectedTick: object expected");
                    message.rejectedTick = $root.pipstream.v1.RejectedTick.fromObject(object.rejectedTick, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a RejectedTickEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.RejectedTickEvent
             * @static
             * @param {pipstream.v1.RejectedTickEvent} message RejectedTickEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RejectedTickEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.envelope = null;
                    object.rejectedTick = null;
                }
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    object.envelope = $root.pipstream.v1.Envelope.toObject(message.envelope, options, _depth + 1);
                if (message.rejectedTick != null && $Object.hasOwnProperty.call(message, "rejectedTick"))
                    object.rejectedTick = $root.pipstream.v1.RejectedTick.toObject(message.rejectedTick, options, _depth + 1);
                return object;
            };

            /**
             * Converts this RejectedTickEvent to JSON.
             * @function toJSON
             * @memberof pipstream.v1.RejectedTickEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RejectedTickEvent.prototype.toJSON = function() {
                return RejectedTickEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RejectedTickEvent
             * @function getTypeUrl
             * @memberof pipstream.v1.RejectedTickEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RejectedTickEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.RejectedTickEvent";
            };

            return RejectedTickEvent;
        })();

        v1.InstrumentRegisteredEvent = (function() {

            /**
             * Properties of an InstrumentRegisteredEvent.
             * @typedef {Object} pipstream.v1.InstrumentRegisteredEvent.$Properties
             * @property {pipstream.v1.Envelope.$Properties|null} [envelope] InstrumentRegisteredEvent envelope
             * @property {pipstream.v1.InstrumentRegistered.$Properties|null} [instrumentRegistered] InstrumentRegisteredEvent instrumentRegistered
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InstrumentRegisteredEvent.
             * @memberof pipstream.v1
             * @interface IInstrumentRegisteredEvent
             * @augments pipstream.v1.InstrumentRegisteredEvent.$Properties
             * @deprecated Use pipstream.v1.InstrumentRegisteredEvent.$Properties instead.
             */

            /**
             * Shape of an InstrumentRegisteredEvent.
             * @typedef {pipstream.v1.InstrumentRegisteredEvent.$Properties} pipstream.v1.InstrumentRegisteredEvent.$Shape
             */

            /**
             * Constructs a new InstrumentRegisteredEvent.
             * @memberof pipstream.v1
             * @classdesc Represents an InstrumentRegisteredEvent.
             * @constructor
             * @param {pipstream.v1.InstrumentRegisteredEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const InstrumentRegisteredEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * InstrumentRegisteredEvent envelope.
             * @member {pipstream.v1.Envelope.$Properties|null|undefined} envelope
             * @memberof pipstream.v1.InstrumentRegisteredEvent
             * @instance
             */
            InstrumentRegisteredEvent.prototype.envelope = null;

            /**
             * InstrumentRegisteredEvent instrumentRegistered.
             * @member {pipstream.v1.InstrumentRegistered.$Properties|null|undefined} instrumentRegistered
             * @memberof pipstream.v1.InstrumentRegisteredEvent
             * @instance
             */
            InstrumentRegisteredEvent.prototype.instrumentRegistered = null;

            /**
             * Creates a new InstrumentRegisteredEvent instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.InstrumentRegisteredEvent
             * @static
             * @param {pipstream.v1.InstrumentRegisteredEvent.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.InstrumentRegisteredEvent} InstrumentRegisteredEvent instance
             * @type {{
             *   (properties: pipstream.v1.InstrumentRegisteredEvent.$Shape): pipstream.v1.InstrumentRegisteredEvent & pipstream.v1.InstrumentRegisteredEvent.$Shape;
             *   (properties?: pipstream.v1.InstrumentRegisteredEvent.$Properties): pipstream.v1.InstrumentRegisteredEvent;
             * }}
             */
            InstrumentRegisteredEvent.create = function(properties) {
                return new InstrumentRegisteredEvent(properties);
            };

            /**
             * Encodes the specified InstrumentRegisteredEvent message. Does not implicitly {@link pipstream.v1.InstrumentRegisteredEvent.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.InstrumentRegisteredEvent
             * @static
             * @param {pipstream.v1.InstrumentRegisteredEvent.$Properties} message InstrumentRegisteredEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstrumentRegisteredEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    $root.pipstream.v1.Envelope.encode(message.envelope, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.instrumentRegistered != null && $Object.hasOwnProperty.call(message, "instrumentRegistered"))
                    $root.pipstream.v1.InstrumentRegistered.encode(message.instrumentRegistered, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified InstrumentRegisteredEvent message, length delimited. Does not implicitly {@link pipstream.v1.InstrumentRegisteredEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.InstrumentRegisteredEvent
             * @static
             * @param {pipstream.v1.InstrumentRegisteredEvent.$Properties} message InstrumentRegisteredEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstrumentRegisteredEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an InstrumentRegisteredEvent message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.InstrumentRegisteredEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.InstrumentRegisteredEvent & pipstream.v1.InstrumentRegisteredEvent.$Shape} InstrumentRegisteredEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstrumentRegisteredEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.InstrumentRegisteredEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.envelope = $root.pipstream.v1.Envelope.decode(reader, reader.size(), $undefined, _depth + 1, message.envelope);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.instrumentRegistered = $root.pipstream.v1.InstrumentRegistered.decode(reader, reader.size(), $undefined, _depth + 1, message.instrumentRegistered);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an InstrumentRegisteredEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.InstrumentRegisteredEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.InstrumentRegisteredEvent & pipstream.v1.InstrumentRegisteredEvent.$Shape} InstrumentRegisteredEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstrumentRegisteredEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an InstrumentRegisteredEvent message.
             * @function verify
             * @memberof pipstream.v1.InstrumentRegisteredEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            InstrumentRegisteredEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope")) {
                    let error = $root.pipstream.v1.Envelope.verify(message.envelope, _depth + 1);
                    if (error)
                        return "envelope." + error;
                }
                if (message.instrumentRegistered != null && $Object.hasOwnProperty.call(message, "instrumentRegistered")) {
                    let error = $root.pipstream.v1.InstrumentRegistered.verify(message.instrumentRegistered, _depth + 1);
                    if (error)
                        return "instrumentRegistered." + error;
                }
                return null;
            };

            /**
             * Creates an InstrumentRegisteredEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.InstrumentRegisteredEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.InstrumentRegisteredEvent} InstrumentRegisteredEvent
             */
            InstrumentRegisteredEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.InstrumentRegisteredEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.InstrumentRegisteredEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.InstrumentRegisteredEvent();
                if (object.envelope != null) {
                    if (!$util.isObject(object.envelope))
                        throw $TypeError(".pipstream.v1.InstrumentRegisteredEvent.envelope: object expected");
                    message.envelope = $root.pipstream.v1.Envelope.fromObject(object.envelope, _depth + 1);
                }
                if (object.instrumentRegistered != null) {
                    if (!$util.isObject(object.instrumentRegistered))
                        throw $TypeError(".pipstream.v1.InstrumentRegisteredEvent.instrumentRegistered: object expected");
                    message.instrumentRegistered = $root.pipstream.v1.InstrumentRegistered.fromObject(object.instrumentRegistered, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an InstrumentRegisteredEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.InstrumentRegisteredEvent
             * @static
             * @param {pipstream.v1.InstrumentRegisteredEvent} message InstrumentRegisteredEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            InstrumentRegisteredEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.envelope = null;
                    object.instrumentRegistered = null;
                }
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    object.envelope = $root.pipstream.v1.Envelope.toObject(message.envelope, options, _depth + 1);
                if (message.instrumentRegistered != null && $Object.hasOwnProperty.call(message, "instrumentRegistered"))
                    object.instrumentRegistered = $root.pipstream.v1.InstrumentRegistered.toObject(message.instrumentRegistered, options, _depth + 1);
                return object;
            };

            /**
             * Converts this InstrumentRegisteredEvent to JSON.
             * @function toJSON
             * @memberof pipstream.v1.InstrumentRegisteredEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            InstrumentRegisteredEvent.prototype.toJSON = function() {
                return InstrumentRegisteredEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for InstrumentRegisteredEvent
             * @function getTypeUrl
             * @memberof pipstream.v1.InstrumentRegisteredEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            InstrumentRegisteredEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.InstrumentRegisteredEvent";
            };

            return InstrumentRegisteredEvent;
        })();

        v1.WorkflowChangedEvent = (function() {

            /**
             * Properties of a WorkflowChangedEvent.
             * @typedef {Object} pipstream.v1.WorkflowChangedEvent.$Properties
             * @property {pipstream.v1.Envelope.$Properties|null} [envelope] WorkflowChangedEvent envelope
             * @property {pipstream.v1.WorkflowChanged.$Properties|null} [workflowChanged] WorkflowChangedEvent workflowChanged
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a WorkflowChangedEvent.
             * @memberof pipstream.v1
             * @interface IWorkflowChangedEvent
             * @augments pipstream.v1.WorkflowChangedEvent.$Properties
             * @deprecated Use pipstream.v1.WorkflowChangedEvent.$Properties instead.
             */

            /**
             * Shape of a WorkflowChangedEvent.
             * @typedef {pipstream.v1.WorkflowChangedEvent.$Properties} pipstream.v1.WorkflowChangedEvent.$Shape
             */

            /**
             * Constructs a new WorkflowChangedEvent.
             * @memberof pipstream.v1
             * @classdesc Represents a WorkflowChangedEvent.
             * @constructor
             * @param {pipstream.v1.WorkflowChangedEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const WorkflowChangedEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * WorkflowChangedEvent envelope.
             * @member {pipstream.v1.Envelope.$Properties|null|undefined} envelope
             * @memberof pipstream.v1.WorkflowChangedEvent
             * @instance
             */
            WorkflowChangedEvent.prototype.envelope = null;

            /**
             * WorkflowChangedEvent workflowChanged.
             * @member {pipstream.v1.WorkflowChanged.$Properties|null|undefined} workflowChanged
             * @memberof pipstream.v1.WorkflowChangedEvent
             * @instance
             */
            WorkflowChangedEvent.prototype.workflowChanged = null;

            /**
             * Creates a new WorkflowChangedEvent instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.WorkflowChangedEvent
             * @static
             * @param {pipstream.v1.WorkflowChangedEvent.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.WorkflowChangedEvent} WorkflowChangedEvent instance
             * @type {{
             *   (properties: pipstream.v1.WorkflowChangedEvent.$Shape): pipstream.v1.WorkflowChangedEvent & pipstream.v1.WorkflowChangedEvent.$Shape;
             *   (properties?: pipstream.v1.WorkflowChangedEvent.$Properties): pipstream.v1.WorkflowChangedEvent;
             * }}
             */
            WorkflowChangedEvent.create = function(properties) {
                return new WorkflowChangedEvent(properties);
            };

            /**
             * Encodes the specified WorkflowChangedEvent message. Does not implicitly {@link pipstream.v1.WorkflowChangedEvent.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.WorkflowChangedEvent
             * @static
             * @param {pipstream.v1.WorkflowChangedEvent.$Properties} message WorkflowChangedEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WorkflowChangedEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    $root.pipstream.v1.Envelope.encode(message.envelope, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.workflowChanged != null && $Object.hasOwnProperty.call(message, "workflowChanged"))
                    $root.pipstream.v1.WorkflowChanged.encode(message.workflowChanged, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified WorkflowChangedEvent message, length delimited. Does not implicitly {@link pipstream.v1.WorkflowChangedEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.WorkflowChangedEvent
             * @static
             * @param {pipstream.v1.WorkflowChangedEvent.$Properties} message WorkflowChangedEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            WorkflowChangedEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a WorkflowChangedEvent message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.WorkflowChangedEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.WorkflowChangedEvent & pipstream.v1.WorkflowChangedEvent.$Shape} WorkflowChangedEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WorkflowChangedEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.WorkflowChangedEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.envelope = $root.pipstream.v1.Envelope.decode(reader, reader.size(), $undefined, _depth + 1, message.envelope);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.workflowChanged = $root.pipstream.v1.WorkflowChanged.decode(reader, reader.size(), $undefined, _depth + 1, message.workflowChanged);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a WorkflowChangedEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.WorkflowChangedEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.WorkflowChangedEvent & pipstream.v1.WorkflowChangedEvent.$Shape} WorkflowChangedEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            WorkflowChangedEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a WorkflowChangedEvent message.
             * @function verify
             * @memberof pipstream.v1.WorkflowChangedEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            WorkflowChangedEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope")) {
                    let error = $root.pipstream.v1.Envelope.verify(message.envelope, _depth + 1);
                    if (error)
                        return "envelope." + error;
                }
                if (message.workflowChanged != null && $Object.hasOwnProperty.call(message, "workflowChanged")) {
                    let error = $root.pipstream.v1.WorkflowChanged.verify(message.workflowChanged, _depth + 1);
                    if (error)
                        return "workflowChanged." + error;
                }
                return null;
            };

            /**
             * Creates a WorkflowChangedEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.WorkflowChangedEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.WorkflowChangedEvent} WorkflowChangedEvent
             */
            WorkflowChangedEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.WorkflowChangedEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.WorkflowChangedEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.WorkflowChangedEvent();
                if (object.envelope != null) {
                    if (!$util.isObject(object.envelope))
                        throw $TypeError(".pipstream.v1.WorkflowChangedEvent.envelope: object expected");
                    message.envelope = $root.pipstream.v1.Envelope.fromObject(object.envelope, _depth + 1);
                }
                if (object.workflowChanged != null) {
                    if (!$util.isObject(object.workflowChanged))
                        throw $TypeError(".pipstream.v1.WorkflowChangedEvent.workflowChanged: object expected");
                    message.workflowChanged = $root.pipstream.v1.WorkflowChanged.fromObject(object.workflowChanged, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a WorkflowChangedEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.WorkflowChangedEvent
             * @static
             * @param {pipstream.v1.WorkflowChangedEvent} message WorkflowChangedEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            WorkflowChangedEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.envelope = null;
                    object.workflowChanged = null;
                }
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    object.envelope = $root.pipstream.v1.Envelope.toObject(message.envelope, options, _depth + 1);
                if (message.workflowChanged != null && $Object.hasOwnProperty.call(message, "workflowChanged"))
                    object.workflowChanged = $root.pipstream.v1.WorkflowChanged.toObject(message.workflowChanged, options, _depth + 1);
                return object;
            };

            /**
             * Converts this WorkflowChangedEvent to JSON.
             * @function toJSON
             * @memberof pipstream.v1.WorkflowChangedEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            WorkflowChangedEvent.prototype.toJSON = function() {
                return WorkflowChangedEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for WorkflowChangedEvent
             * @function getTypeUrl
             * @memberof pipstream.v1.WorkflowChangedEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            WorkflowChangedEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.WorkflowChangedEvent";
            };

            return WorkflowChangedEvent;
        })();

        v1.OrderUpdateEvent = (function() {

            /**
             * Properties of an OrderUpdateEvent.
             * @typedef {Object} pipstream.v1.OrderUpdateEvent.$Properties
             * @property {pipstream.v1.Envelope.$Properties|null} [envelope] OrderUpdateEvent envelope
             * @property {pipstream.v1.OrderUpdate.$Properties|null} [orderUpdate] OrderUpdateEvent orderUpdate
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an OrderUpdateEvent.
             * @memberof pipstream.v1
             * @interface IOrderUpdateEvent
             * @augments pipstream.v1.OrderUpdateEvent.$Properties
             * @deprecated Use pipstream.v1.OrderUpdateEvent.$Properties instead.
             */

            /**
             * Shape of an OrderUpdateEvent.
             * @typedef {pipstream.v1.OrderUpdateEvent.$Properties} pipstream.v1.OrderUpdateEvent.$Shape
             */

            /**
             * Constructs a new OrderUpdateEvent.
             * @memberof pipstream.v1
             * @classdesc Represents an OrderUpdateEvent.
             * @constructor
             * @param {pipstream.v1.OrderUpdateEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const OrderUpdateEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * OrderUpdateEvent envelope.
             * @member {pipstream.v1.Envelope.$Properties|null|undefined} envelope
             * @memberof pipstream.v1.OrderUpdateEvent
             * @instance
             */
            OrderUpdateEvent.prototype.envelope = null;

            /**
             * OrderUpdateEvent orderUpdate.
             * @member {pipstream.v1.OrderUpdate.$Properties|null|undefined} orderUpdate
             * @memberof pipstream.v1.OrderUpdateEvent
             * @instance
             */
            OrderUpdateEvent.prototype.orderUpdate = null;

            /**
             * Creates a new OrderUpdateEvent instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.OrderUpdateEvent
             * @static
             * @param {pipstream.v1.OrderUpdateEvent.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.OrderUpdateEvent} OrderUpdateEvent instance
             * @type {{
             *   (properties: pipstream.v1.OrderUpdateEvent.$Shape): pipstream.v1.OrderUpdateEvent & pipstream.v1.OrderUpdateEvent.$Shape;
             *   (properties?: pipstream.v1.OrderUpdateEvent.$Properties): pipstream.v1.OrderUpdateEvent;
             * }}
             */
            OrderUpdateEvent.create = function(properties) {
                return new OrderUpdateEvent(properties);
            };

            /**
             * Encodes the specified OrderUpdateEvent message. Does not implicitly {@link pipstream.v1.OrderUpdateEvent.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.OrderUpdateEvent
             * @static
             * @param {pipstream.v1.OrderUpdateEvent.$Properties} message OrderUpdateEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OrderUpdateEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    $root.pipstream.v1.Envelope.encode(message.envelope, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.orderUpdate != null && $Object.hasOwnProperty.call(message, "orderUpdate"))
                    $root.pipstream.v1.OrderUpdate.encode(message.orderUpdate, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified OrderUpdateEvent message, length delimited. Does not implicitly {@link pipstream.v1.OrderUpdateEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.OrderUpdateEvent
             * @static
             * @param {pipstream.v1.OrderUpdateEvent.$Properties} message OrderUpdateEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OrderUpdateEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an OrderUpdateEvent message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.OrderUpdateEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.OrderUpdateEvent & pipstream.v1.OrderUpdateEvent.$Shape} OrderUpdateEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OrderUpdateEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.OrderUpdateEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.envelope = $root.pipstream.v1.Envelope.decode(reader, reader.size(), $undefined, _depth + 1, message.envelope);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.orderUpdate = $root.pipstream.v1.OrderUpdate.decode(reader, reader.size(), $undefined, _depth + 1, message.orderUpdate);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an OrderUpdateEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.OrderUpdateEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.OrderUpdateEvent & pipstream.v1.OrderUpdateEvent.$Shape} OrderUpdateEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OrderUpdateEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an OrderUpdateEvent message.
             * @function verify
             * @memberof pipstream.v1.OrderUpdateEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            OrderUpdateEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope")) {
                    let error = $root.pipstream.v1.Envelope.verify(message.envelope, _depth + 1);
                    if (error)
                        return "envelope." + error;
                }
                if (message.orderUpdate != null && $Object.hasOwnProperty.call(message, "orderUpdate")) {
                    let error = $root.pipstream.v1.OrderUpdate.verify(message.orderUpdate, _depth + 1);
                    if (error)
                        return "orderUpdate." + error;
                }
                return null;
            };

            /**
             * Creates an OrderUpdateEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.OrderUpdateEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.OrderUpdateEvent} OrderUpdateEvent
             */
            OrderUpdateEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.OrderUpdateEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.OrderUpdateEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.OrderUpdateEvent();
                if (object.envelope != null) {
                    if (!$util.isObject(object.envelope))
                        throw $TypeError(".pipstream.v1.OrderUpdateEvent.envelope: object expected");
                    message.envelope = $root.pipstream.v1.Envelope.fromObject(object.envelope, _depth + 1);
                }
                if (object.orderUpdate != null) {
                    if (!$util.isObject(object.orderUpdate))
                        throw $TypeError(".pipstream.v1.OrderUpdateEvent.orderUpdate: object expected");
                    message.orderUpdate = $root.pipstream.v1.OrderUpdate.fromObject(object.orderUpdate, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an OrderUpdateEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.OrderUpdateEvent
             * @static
             * @param {pipstream.v1.OrderUpdateEvent} message OrderUpdateEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            OrderUpdateEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.envelope = null;
                    object.orderUpdate = null;
                }
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    object.envelope = $root.pipstream.v1.Envelope.toObject(message.envelope, options, _depth + 1);
                if (message.orderUpdate != null && $Object.hasOwnProperty.call(message, "orderUpdate"))
                    object.orderUpdate = $root.pipstream.v1.OrderUpdate.toObject(message.orderUpdate, options, _depth + 1);
                return object;
            };

            /**
             * Converts this OrderUpdateEvent to JSON.
             * @function toJSON
             * @memberof pipstream.v1.OrderUpdateEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            OrderUpdateEvent.prototype.toJSON = function() {
                return OrderUpdateEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for OrderUpdateEvent
             * @function getTypeUrl
             * @memberof pipstream.v1.OrderUpdateEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            OrderUpdateEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.OrderUpdateEvent";
            };

            return OrderUpdateEvent;
        })();

        v1.RiskDecisionEvent = (function() {

            /**
             * Properties of a RiskDecisionEvent.
             * @typedef {Object} pipstream.v1.RiskDecisionEvent.$Properties
             * @property {pipstream.v1.Envelope.$Properties|null} [envelope] RiskDecisionEvent envelope
             * @property {pipstream.v1.RiskDecision.$Properties|null} [riskDecision] RiskDecisionEvent riskDecision
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RiskDecisionEvent.
             * @memberof pipstream.v1
             * @interface IRiskDecisionEvent
             * @augments pipstream.v1.RiskDecisionEvent.$Properties
             * @deprecated Use pipstream.v1.RiskDecisionEvent.$Properties instead.
             */

            /**
             * Shape of a RiskDecisionEvent.
             * @typedef {pipstream.v1.RiskDecisionEvent.$Properties} pipstream.v1.RiskDecisionEvent.$Shape
             */

            /**
             * Constructs a new RiskDecisionEvent.
             * @memberof pipstream.v1
             * @classdesc Represents a RiskDecisionEvent.
             * @constructor
             * @param {pipstream.v1.RiskDecisionEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RiskDecisionEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RiskDecisionEvent envelope.
             * @member {pipstream.v1.Envelope.$Properties|null|undefined} envelope
             * @memberof pipstream.v1.RiskDecisionEvent
             * @instance
             */
            RiskDecisionEvent.prototype.envelope = null;

            /**
             * RiskDecisionEvent riskDecision.
             * @member {pipstream.v1.RiskDecision.$Properties|null|undefined} riskDecision
             * @memberof pipstream.v1.RiskDecisionEvent
             * @instance
             */
            RiskDecisionEvent.prototype.riskDecision = null;

            /**
             * Creates a new RiskDecisionEvent instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.RiskDecisionEvent
             * @static
             * @param {pipstream.v1.RiskDecisionEvent.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.RiskDecisionEvent} RiskDecisionEvent instance
             * @type {{
             *   (properties: pipstream.v1.RiskDecisionEvent.$Shape): pipstream.v1.RiskDecisionEvent & pipstream.v1.RiskDecisionEvent.$Shape;
             *   (properties?: pipstream.v1.RiskDecisionEvent.$Properties): pipstream.v1.RiskDecisionEvent;
             * }}
             */
            RiskDecisionEvent.create = function(properties) {
                return new RiskDecisionEvent(properties);
            };

            /**
             * Encodes the specified RiskDecisionEvent message. Does not implicitly {@link pipstream.v1.RiskDecisionEvent.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.RiskDecisionEvent
             * @static
             * @param {pipstream.v1.RiskDecisionEvent.$Properties} message RiskDecisionEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RiskDecisionEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    $root.pipstream.v1.Envelope.encode(message.envelope, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.riskDecision != null && $Object.hasOwnProperty.call(message, "riskDecision"))
                    $root.pipstream.v1.RiskDecision.encode(message.riskDecision, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RiskDecisionEvent message, length delimited. Does not implicitly {@link pipstream.v1.RiskDecisionEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.RiskDecisionEvent
             * @static
             * @param {pipstream.v1.RiskDecisionEvent.$Properties} message RiskDecisionEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RiskDecisionEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RiskDecisionEvent message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.RiskDecisionEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.RiskDecisionEvent & pipstream.v1.RiskDecisionEvent.$Shape} RiskDecisionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RiskDecisionEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.RiskDecisionEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.envelope = $root.pipstream.v1.Envelope.decode(reader, reader.size(), $undefined, _depth + 1, message.envelope);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.riskDecision = $root.pipstream.v1.RiskDecision.decode(reader, reader.size(), $undefined, _depth + 1, message.riskDecision);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RiskDecisionEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.RiskDecisionEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.RiskDecisionEvent & pipstream.v1.RiskDecisionEvent.$Shape} RiskDecisionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RiskDecisionEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RiskDecisionEvent message.
             * @function verify
             * @memberof pipstream.v1.RiskDecisionEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RiskDecisionEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope")) {
                    let error = $root.pipstream.v1.Envelope.verify(message.envelope, _depth + 1);
                    if (error)
                        return "envelope." + error;
                }
                if (message.riskDecision != null && $Object.hasOwnProperty.call(message, "riskDecision")) {
                    let error = $root.pipstream.v1.RiskDecision.verify(message.riskDecision, _depth + 1);
                    if (error)
                        return "riskDecision." + error;
                }
                return null;
            };

            /**
             * Creates a RiskDecisionEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.RiskDecisionEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.RiskDecisionEvent} RiskDecisionEvent
             */
            RiskDecisionEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.RiskDecisionEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.RiskDecisionEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.RiskDecisionEvent();
                if (object.envelope != null) {
                    if (!$util.isObject(object.envelope))
                        throw $TypeError(".pipstream.v1.RiskDecisionEvent.envelope: object expected");
                    message.envelope = $root.pipstream.v1.Envelope.fromObject(object.envelope, _depth + 1);
                }
                if (object.riskDecision != null) {
                    if (!$util.isObject(object.riskDecision))
                        throw $TypeError(".pipstream.v1.RiskDecisionEvent.riskDecision: object expected");
                    message.riskDecision = $root.pipstream.v1.RiskDecision.fromObject(object.riskDecision, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a RiskDecisionEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.RiskDecisionEvent
             * @static
             * @param {pipstream.v1.RiskDecisionEvent} message RiskDecisionEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RiskDecisionEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.envelope = null;
                    object.riskDecision = null;
                }
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    object.envelope = $root.pipstream.v1.Envelope.toObject(message.envelope, options, _depth + 1);
                if (message.riskDecision != null && $Object.hasOwnProperty.call(message, "riskDecision"))
                    object.riskDecision = $root.pipstream.v1.RiskDecision.toObject(message.riskDecision, options, _depth + 1);
                return object;
            };

            /**
             * Converts this RiskDecisionEvent to JSON.
             * @function toJSON
             * @memberof pipstream.v1.RiskDecisionEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RiskDecisionEvent.prototype.toJSON = function() {
                return RiskDecisionEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RiskDecisionEvent
             * @function getTypeUrl
             * @memberof pipstream.v1.RiskDecisionEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RiskDecisionEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.RiskDecisionEvent";
            };

            return RiskDecisionEvent;
        })();

        v1.NotificationEvent = (function() {

            /**
             * Properties of a NotificationEvent.
             * @typedef {Object} pipstream.v1.NotificationEvent.$Properties
             * @property {pipstream.v1.Envelope.$Properties|null} [envelope] NotificationEvent envelope
             * @property {pipstream.v1.Notification.$Properties|null} [notification] NotificationEvent notification
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a NotificationEvent.
             * @memberof pipstream.v1
             * @interface INotificationEvent
             * @augments pipstream.v1.NotificationEvent.$Properties
             * @deprecated Use pipstream.v1.NotificationEvent.$Properties instead.
             */

            /**
             * Shape of a NotificationEvent.
             * @typedef {pipstream.v1.NotificationEvent.$Properties} pipstream.v1.NotificationEvent.$Shape
             */

            /**
             * Constructs a new NotificationEvent.
             * @memberof pipstream.v1
             * @classdesc Represents a NotificationEvent.
             * @constructor
             * @param {pipstream.v1.NotificationEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const NotificationEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * NotificationEvent envelope.
             * @member {pipstream.v1.Envelope.$Properties|null|undefined} envelope
             * @memberof pipstream.v1.NotificationEvent
             * @instance
             */
            NotificationEvent.prototype.envelope = null;

            /**
             * NotificationEvent notification.
             * @member {pipstream.v1.Notification.$Properties|null|undefined} notification
             * @memberof pipstream.v1.NotificationEvent
             * @instance
             */
            NotificationEvent.prototype.notification = null;

            /**
             * Creates a new NotificationEvent instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.NotificationEvent
             * @static
             * @param {pipstream.v1.NotificationEvent.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.NotificationEvent} NotificationEvent instance
             * @type {{
             *   (properties: pipstream.v1.NotificationEvent.$Shape): pipstream.v1.NotificationEvent & pipstream.v1.NotificationEvent.$Shape;
             *   (properties?: pipstream.v1.NotificationEvent.$Properties): pipstream.v1.NotificationEvent;
             * }}
             */
            NotificationEvent.create = function(properties) {
                return new NotificationEvent(properties);
            };

            /**
             * Encodes the specified NotificationEvent message. Does not implicitly {@link pipstream.v1.NotificationEvent.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.NotificationEvent
             * @static
             * @param {pipstream.v1.NotificationEvent.$Properties} message NotificationEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NotificationEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    $root.pipstream.v1.Envelope.encode(message.envelope, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.notification != null && $Object.hasOwnProperty.call(message, "notification"))
                    $root.pipstream.v1.Notification.encode(message.notification, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified NotificationEvent message, length delimited. Does not implicitly {@link pipstream.v1.NotificationEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.NotificationEvent
             * @static
             * @param {pipstream.v1.NotificationEvent.$Properties} message NotificationEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            NotificationEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a NotificationEvent message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.NotificationEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.NotificationEvent & pipstream.v1.NotificationEvent.$Shape} NotificationEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NotificationEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.NotificationEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.envelope = $root.pipstream.v1.Envelope.decode(reader, reader.size(), $undefined, _depth + 1, message.envelope);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.notification = $root.pipstream.v1.Notification.decode(reader, reader.size(), $undefined, _depth + 1, message.notification);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a NotificationEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.NotificationEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.NotificationEvent & pipstream.v1.NotificationEvent.$Shape} NotificationEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            NotificationEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a NotificationEvent message.
             * @function verify
             * @memberof pipstream.v1.NotificationEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            NotificationEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope")) {
                    let error = $root.pipstream.v1.Envelope.verify(message.envelope, _depth + 1);
                    if (error)
                        return "envelope." + error;
                }
                if (message.notification != null && $Object.hasOwnProperty.call(message, "notification")) {
                    let error = $root.pipstream.v1.Notification.verify(message.notification, _depth + 1);
                    if (error)
                        return "notification." + error;
                }
                return null;
            };

            /**
             * Creates a NotificationEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.NotificationEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.NotificationEvent} NotificationEvent
             */
            NotificationEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.NotificationEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.NotificationEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.NotificationEvent();
                if (object.envelope != null) {
                    if (!$util.isObject(object.envelope))
                        throw $TypeError(".pipstream.v1.NotificationEvent.envelope: object expected");
                    message.envelope = $root.pipstream.v1.Envelope.fromObject(object.envelope, _depth + 1);
                }
                if (object.notification != null) {
                    if (!$util.isObject(object.notification))
                        throw $TypeError(".pipstream.v1.NotificationEvent.notification: object expected");
                    message.notification = $root.pipstream.v1.Notification.fromObject(object.notification, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a NotificationEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.NotificationEvent
             * @static
             * @param {pipstream.v1.NotificationEvent} message NotificationEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            NotificationEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.envelope = null;
                    object.notification = null;
                }
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    object.envelope = $root.pipstream.v1.Envelope.toObject(message.envelope, options, _depth + 1);
                if (message.notification != null && $Object.hasOwnProperty.call(message, "notification"))
                    object.notification = $root.pipstream.v1.Notification.toObject(message.notification, options, _depth + 1);
                return object;
            };

            /**
             * Converts this NotificationEvent to JSON.
             * @function toJSON
             * @memberof pipstream.v1.NotificationEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            NotificationEvent.prototype.toJSON = function() {
                return NotificationEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for NotificationEvent
             * @function getTypeUrl
             * @memberof pipstream.v1.NotificationEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            NotificationEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.NotificationEvent";
            };

            return NotificationEvent;
        })();

        v1.PositionUpdateEvent = (function() {

            /**
             * Properties of a PositionUpdateEvent.
             * @typedef {Object} pipstream.v1.PositionUpdateEvent.$Properties
             * @property {pipstream.v1.Envelope.$Properties|null} [envelope] PositionUpdateEvent envelope
             * @property {pipstream.v1.PositionUpdate.$Properties|null} [positionUpdate] PositionUpdateEvent positionUpdate
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PositionUpdateEvent.
             * @memberof pipstream.v1
             * @interface IPositionUpdateEvent
             * @augments pipstream.v1.PositionUpdateEvent.$Properties
             * @deprecated Use pipstream.v1.PositionUpdateEvent.$Properties instead.
             */

            /**
             * Shape of a PositionUpdateEvent.
             * @typedef {pipstream.v1.PositionUpdateEvent.$Properties} pipstream.v1.PositionUpdateEvent.$Shape
             */

            /**
             * Constructs a new PositionUpdateEvent.
             * @memberof pipstream.v1
             * @classdesc Represents a PositionUpdateEvent.
             * @constructor
             * @param {pipstream.v1.PositionUpdateEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PositionUpdateEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PositionUpdateEvent envelope.
             * @member {pipstream.v1.Envelope.$Properties|null|undefined} envelope
             * @memberof pipstream.v1.PositionUpdateEvent
             * @instance
             */
            PositionUpdateEvent.prototype.envelope = null;

            /**
             * PositionUpdateEvent positionUpdate.
             * @member {pipstream.v1.PositionUpdate.$Properties|null|undefined} positionUpdate
             * @memberof pipstream.v1.PositionUpdateEvent
             * @instance
             */
            PositionUpdateEvent.prototype.positionUpdate = null;

            /**
             * Creates a new PositionUpdateEvent instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.PositionUpdateEvent
             * @static
             * @param {pipstream.v1.PositionUpdateEvent.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.PositionUpdateEvent} PositionUpdateEvent instance
             * @type {{
             *   (properties: pipstream.v1.PositionUpdateEvent.$Shape): pipstream.v1.PositionUpdateEvent & pipstream.v1.PositionUpdateEvent.$Shape;
             *   (properties?: pipstream.v1.PositionUpdateEvent.$Properties): pipstream.v1.PositionUpdateEvent;
             * }}
             */
            PositionUpdateEvent.create = function(properties) {
                return new PositionUpdateEvent(properties);
            };

            /**
             * Encodes the specified PositionUpdateEvent message. Does not implicitly {@link pipstream.v1.PositionUpdateEvent.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.PositionUpdateEvent
             * @static
             * @param {pipstream.v1.PositionUpdateEvent.$Properties} message PositionUpdateEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PositionUpdateEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    $root.pipstream.v1.Envelope.encode(message.envelope, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.positionUpdate != null && $Object.hasOwnProperty.call(message, "positionUpdate"))
                    $root.pipstream.v1.PositionUpdate.encode(message.positionUpdate, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified PositionUpdateEvent message, length delimited. Does not implicitly {@link pipstream.v1.PositionUpdateEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.PositionUpdateEvent
             * @static
             * @param {pipstream.v1.PositionUpdateEvent.$Properties} message PositionUpdateEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PositionUpdateEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PositionUpdateEvent message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.PositionUpdateEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.PositionUpdateEvent & pipstream.v1.PositionUpdateEvent.$Shape} PositionUpdateEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PositionUpdateEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.PositionUpdateEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.envelope = $root.pipstream.v1.Envelope.decode(reader, reader.size(), $undefined, _depth + 1, message.envelope);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.positionUpdate = $root.pipstream.v1.PositionUpdate.decode(reader, reader.size(), $undefined, _depth + 1, message.positionUpdate);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a PositionUpdateEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.PositionUpdateEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.PositionUpdateEvent & pipstream.v1.PositionUpdateEvent.$Shape} PositionUpdateEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PositionUpdateEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PositionUpdateEvent message.
             * @function verify
             * @memberof pipstream.v1.PositionUpdateEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PositionUpdateEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope")) {
                    let error = $root.pipstream.v1.Envelope.verify(message.envelope, _depth + 1);
                    if (error)
                        return "envelope." + error;
                }
                if (message.positionUpdate != null && $Object.hasOwnProperty.call(message, "positionUpdate")) {
                    let error = $root.pipstream.v1.PositionUpdate.verify(message.positionUpdate, _depth + 1);
                    if (error)
                        return "positionUpdate." + error;
                }
                return null;
            };

            /**
             * Creates a PositionUpdateEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.PositionUpdateEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.PositionUpdateEvent} PositionUpdateEvent
             */
            PositionUpdateEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.PositionUpdateEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.PositionUpdateEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.PositionUpdateEvent();
                if (object.envelope != null) {
                    if (!$util.isObject(object.envelope))
                        throw $TypeError(".pipstream.v1.PositionUpdateEvent.envelope: object expected");
                    message.envelope = $root.pipstream.v1.Envelope.fromObject(object.envelope, _depth + 1);
                }
                if (object.positionUpdate != null) {
                    if (!$util.isObject(object.positionUpdate))
                        throw $TypeError(".pipstream.v1.PositionUpdateEvent.positionUpdate: object expected");
                    message.positionUpdate = $root.pipstream.v1.PositionUpdate.fromObject(object.positionUpdate, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a PositionUpdateEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.PositionUpdateEvent
             * @static
             * @param {pipstream.v1.PositionUpdateEvent} message PositionUpdateEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PositionUpdateEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.envelope = null;
                    object.positionUpdate = null;
                }
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    object.envelope = $root.pipstream.v1.Envelope.toObject(message.envelope, options, _depth + 1);
                if (message.positionUpdate != null && $Object.hasOwnProperty.call(message, "positionUpdate"))
                    object.positionUpdate = $root.pipstream.v1.PositionUpdate.toObject(message.positionUpdate, options, _depth + 1);
                return object;
            };

            /**
             * Converts this PositionUpdateEvent to JSON.
             * @function toJSON
             * @memberof pipstream.v1.PositionUpdateEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PositionUpdateEvent.prototype.toJSON = function() {
                return PositionUpdateEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PositionUpdateEvent
             * @function getTypeUrl
             * @memberof pipstream.v1.PositionUpdateEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PositionUpdateEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.PositionUpdateEvent";
            };

            return PositionUpdateEvent;
        })();

        v1.PnlSampleEvent = (function() {

            /**
             * Properties of a PnlSampleEvent.
             * @typedef {Object} pipstream.v1.PnlSampleEvent.$Properties
             * @property {pipstream.v1.Envelope.$Properties|null} [envelope] PnlSampleEvent envelope
             * @property {pipstream.v1.PnlSample.$Properties|null} [pnlSample] PnlSampleEvent pnlSample
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PnlSampleEvent.
             * @memberof pipstream.v1
             * @interface IPnlSampleEvent
             * @augments pipstream.v1.PnlSampleEvent.$Properties
             * @deprecated Use pipstream.v1.PnlSampleEvent.$Properties instead.
             */

            /**
             * Shape of a PnlSampleEvent.
             * @typedef {pipstream.v1.PnlSampleEvent.$Properties} pipstream.v1.PnlSampleEvent.$Shape
             */

            /**
             * Constructs a new PnlSampleEvent.
             * @memberof pipstream.v1
             * @classdesc Represents a PnlSampleEvent.
             * @constructor
             * @param {pipstream.v1.PnlSampleEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PnlSampleEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PnlSampleEvent envelope.
             * @member {pipstream.v1.Envelope.$Properties|null|undefined} envelope
             * @memberof pipstream.v1.PnlSampleEvent
             * @instance
             */
            PnlSampleEvent.prototype.envelope = null;

            /**
             * PnlSampleEvent pnlSample.
             * @member {pipstream.v1.PnlSample.$Properties|null|undefined} pnlSample
             * @memberof pipstream.v1.PnlSampleEvent
             * @instance
             */
            PnlSampleEvent.prototype.pnlSample = null;

            /**
             * Creates a new PnlSampleEvent instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.PnlSampleEvent
             * @static
             * @param {pipstream.v1.PnlSampleEvent.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.PnlSampleEvent} PnlSampleEvent instance
             * @type {{
             *   (properties: pipstream.v1.PnlSampleEvent.$Shape): pipstream.v1.PnlSampleEvent & pipstream.v1.PnlSampleEvent.$Shape;
             *   (properties?: pipstream.v1.PnlSampleEvent.$Properties): pipstream.v1.PnlSampleEvent;
             * }}
             */
            PnlSampleEvent.create = function(properties) {
                return new PnlSampleEvent(properties);
            };

            /**
             * Encodes the specified PnlSampleEvent message. Does not implicitly {@link pipstream.v1.PnlSampleEvent.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.PnlSampleEvent
             * @static
             * @param {pipstream.v1.PnlSampleEvent.$Properties} message PnlSampleEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PnlSampleEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    $root.pipstream.v1.Envelope.encode(message.envelope, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.pnlSample != null && $Object.hasOwnProperty.call(message, "pnlSample"))
                    $root.pipstream.v1.PnlSample.encode(message.pnlSample, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified PnlSampleEvent message, length delimited. Does not implicitly {@link pipstream.v1.PnlSampleEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.PnlSampleEvent
             * @static
             * @param {pipstream.v1.PnlSampleEvent.$Properties} message PnlSampleEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PnlSampleEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PnlSampleEvent message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.PnlSampleEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.PnlSampleEvent & pipstream.v1.PnlSampleEvent.$Shape} PnlSampleEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PnlSampleEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.PnlSampleEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.envelope = $root.pipstream.v1.Envelope.decode(reader, reader.size(), $undefined, _depth + 1, message.envelope);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.pnlSample = $root.pipstream.v1.PnlSample.decode(reader, reader.size(), $undefined, _depth + 1, message.pnlSample);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a PnlSampleEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.PnlSampleEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.PnlSampleEvent & pipstream.v1.PnlSampleEvent.$Shape} PnlSampleEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PnlSampleEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PnlSampleEvent message.
             * @function verify
             * @memberof pipstream.v1.PnlSampleEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PnlSampleEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope")) {
                    let error = $root.pipstream.v1.Envelope.verify(message.envelope, _depth + 1);
                    if (error)
                        return "envelope." + error;
                }
                if (message.pnlSample != null && $Object.hasOwnProperty.call(message, "pnlSample")) {
                    let error = $root.pipstream.v1.PnlSample.verify(message.pnlSample, _depth + 1);
                    if (error)
                        return "pnlSample." + error;
                }
                return null;
            };

            /**
             * Creates a PnlSampleEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.PnlSampleEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.PnlSampleEvent} PnlSampleEvent
             */
            PnlSampleEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.PnlSampleEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.PnlSampleEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.PnlSampleEvent();
                if (object.envelope != null) {
                    if (!$util.isObject(object.envelope))
                        throw $TypeError(".pipstream.v1.PnlSampleEvent.envelope: object expected");
                    message.envelope = $root.pipstream.v1.Envelope.fromObject(object.envelope, _depth + 1);
                }
                if (object.pnlSample != null) {
                    if (!$util.isObject(object.pnlSample))
                        throw $TypeError(".pipstream.v1.PnlSampleEvent.pnlSample: object expected");
                    message.pnlSample = $root.pipstream.v1.PnlSample.fromObject(object.pnlSample, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a PnlSampleEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.PnlSampleEvent
             * @static
             * @param {pipstream.v1.PnlSampleEvent} message PnlSampleEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PnlSampleEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.envelope = null;
                    object.pnlSample = null;
                }
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    object.envelope = $root.pipstream.v1.Envelope.toObject(message.envelope, options, _depth + 1);
                if (message.pnlSample != null && $Object.hasOwnProperty.call(message, "pnlSample"))
                    object.pnlSample = $root.pipstream.v1.PnlSample.toObject(message.pnlSample, options, _depth + 1);
                return object;
            };

            /**
             * Converts this PnlSampleEvent to JSON.
             * @function toJSON
             * @memberof pipstream.v1.PnlSampleEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PnlSampleEvent.prototype.toJSON = function() {
                return PnlSampleEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PnlSampleEvent
             * @function getTypeUrl
             * @memberof pipstream.v1.PnlSampleEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PnlSampleEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.PnlSampleEvent";
            };

            return PnlSampleEvent;
        })();

        v1.LatencySampleEvent = (function() {

            /**
             * Properties of a LatencySampleEvent.
             * @typedef {Object} pipstream.v1.LatencySampleEvent.$Properties
             * @property {pipstream.v1.Envelope.$Properties|null} [envelope] LatencySampleEvent envelope
             * @property {pipstream.v1.LatencySample.$Properties|null} [latencySample] LatencySampleEvent latencySample
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LatencySampleEvent.
             * @memberof pipstream.v1
             * @interface ILatencySampleEvent
             * @augments pipstream.v1.LatencySampleEvent.$Properties
             * @deprecated Use pipstream.v1.LatencySampleEvent.$Properties instead.
             */

            /**
             * Shape of a LatencySampleEvent.
             * @typedef {pipstream.v1.LatencySampleEvent.$Properties} pipstream.v1.LatencySampleEvent.$Shape
             */

            /**
             * Constructs a new LatencySampleEvent.
             * @memberof pipstream.v1
             * @classdesc Represents a LatencySampleEvent.
             * @constructor
             * @param {pipstream.v1.LatencySampleEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LatencySampleEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LatencySampleEvent envelope.
             * @member {pipstream.v1.Envelope.$Properties|null|undefined} envelope
             * @memberof pipstream.v1.LatencySampleEvent
             * @instance
             */
            LatencySampleEvent.prototype.envelope = null;

            /**
             * LatencySampleEvent latencySample.
             * @member {pipstream.v1.LatencySample.$Properties|null|undefined} latencySample
             * @memberof pipstream.v1.LatencySampleEvent
             * @instance
             */
            LatencySampleEvent.prototype.latencySample = null;

            /**
             * Creates a new LatencySampleEvent instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.LatencySampleEvent
             * @static
             * @param {pipstream.v1.LatencySampleEvent.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.LatencySampleEvent} LatencySampleEvent instance
             * @type {{
             *   (properties: pipstream.v1.LatencySampleEvent.$Shape): pipstream.v1.LatencySampleEvent & pipstream.v1.LatencySampleEvent.$Shape;
             *   (properties?: pipstream.v1.LatencySampleEvent.$Properties): pipstream.v1.LatencySampleEvent;
             * }}
             */
            LatencySampleEvent.create = function(properties) {
                return new LatencySampleEvent(properties);
            };

            /**
             * Encodes the specified LatencySampleEvent message. Does not implicitly {@link pipstream.v1.LatencySampleEvent.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.LatencySampleEvent
             * @static
             * @param {pipstream.v1.LatencySampleEvent.$Properties} message LatencySampleEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LatencySampleEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    $root.pipstream.v1.Envelope.encode(message.envelope, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.latencySample != null && $Object.hasOwnProperty.call(message, "latencySample"))
                    $root.pipstream.v1.LatencySample.encode(message.latencySample, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified LatencySampleEvent message, length delimited. Does not implicitly {@link pipstream.v1.LatencySampleEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.LatencySampleEvent
             * @static
             * @param {pipstream.v1.LatencySampleEvent.$Properties} message LatencySampleEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LatencySampleEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a LatencySampleEvent message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.LatencySampleEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.LatencySampleEvent & pipstream.v1.LatencySampleEvent.$Shape} LatencySampleEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LatencySampleEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.LatencySampleEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.envelope = $root.pipstream.v1.Envelope.decode(reader, reader.size(), $undefined, _depth + 1, message.envelope);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.latencySample = $root.pipstream.v1.LatencySample.decode(reader, reader.size(), $undefined, _depth + 1, message.latencySample);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a LatencySampleEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.LatencySampleEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.LatencySampleEvent & pipstream.v1.LatencySampleEvent.$Shape} LatencySampleEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LatencySampleEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a LatencySampleEvent message.
             * @function verify
             * @memberof pipstream.v1.LatencySampleEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LatencySampleEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope")) {
                    let error = $root.pipstream.v1.Envelope.verify(message.envelope, _depth + 1);
                    if (error)
                        return "envelope." + error;
                }
                if (message.latencySample != null && $Object.hasOwnProperty.call(message, "latencySample")) {
                    let error = $root.pipstream.v1.LatencySample.verify(message.latencySample, _depth + 1);
                    if (error)
                        return "latencySample." + error;
                }
                return null;
            };

            /**
             * Creates a LatencySampleEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.LatencySampleEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.LatencySampleEvent} LatencySampleEvent
             */
            LatencySampleEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.LatencySampleEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.LatencySampleEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.LatencySampleEvent();
                if (object.envelope != null) {
                    if (!$util.isObject(object.envelope))
                        throw $TypeError(".pipstream.v1.LatencySampleEvent.envelope: object expected");
                    message.envelope = $root.pipstream.v1.Envelope.fromObject(object.envelope, _depth + 1);
                }
                if (object.latencySample != null) {
                    if (!$util.isObject(object.latencySample))
                        throw $TypeError(".pipstream.v1.LatencySampleEvent.latencySample: object expected");
                    message.latencySample = $root.pipstream.v1.LatencySample.fromObject(object.latencySample, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a LatencySampleEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.LatencySampleEvent
             * @static
             * @param {pipstream.v1.LatencySampleEvent} message LatencySampleEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LatencySampleEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.envelope = null;
                    object.latencySample = null;
                }
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    object.envelope = $root.pipstream.v1.Envelope.toObject(message.envelope, options, _depth + 1);
                if (message.latencySample != null && $Object.hasOwnProperty.call(message, "latencySample"))
                    object.latencySample = $root.pipstream.v1.LatencySample.toObject(message.latencySample, options, _depth + 1);
                return object;
            };

            /**
             * Converts this LatencySampleEvent to JSON.
             * @function toJSON
             * @memberof pipstream.v1.LatencySampleEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LatencySampleEvent.prototype.toJSON = function() {
                return LatencySampleEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for LatencySampleEvent
             * @function getTypeUrl
             * @memberof pipstream.v1.LatencySampleEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LatencySampleEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.LatencySampleEvent";
            };

            return LatencySampleEvent;
        })();

        v1.DeadLetterEvent = (function() {

            /**
             * Properties of a DeadLetterEvent.
             * @typedef {Object} pipstream.v1.DeadLetterEvent.$Properties
             * @property {pipstream.v1.Envelope.$Properties|null} [envelope] DeadLetterEvent envelope
             * @property {pipstream.v1.DeadLetter.$Properties|null} [deadLetter] DeadLetterEvent deadLetter
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DeadLetterEvent.
             * @memberof pipstream.v1
             * @interface IDeadLetterEvent
             * @augments pipstream.v1.DeadLetterEvent.$Properties
             * @deprecated Use pipstream.v1.DeadLetterEvent.$Properties instead.
             */

            /**
             * Shape of a DeadLetterEvent.
             * @typedef {pipstream.v1.DeadLetterEvent.$Properties} pipstream.v1.DeadLetterEvent.$Shape
             */

            /**
             * Constructs a new DeadLetterEvent.
             * @memberof pipstream.v1
             * @classdesc Represents a DeadLetterEvent.
             * @constructor
             * @param {pipstream.v1.DeadLetterEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DeadLetterEvent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * DeadLetterEvent envelope.
             * @member {pipstream.v1.Envelope.$Properties|null|undefined} envelope
             * @memberof pipstream.v1.DeadLetterEvent
             * @instance
             */
            DeadLetterEvent.prototype.envelope = null;

            /**
             * DeadLetterEvent deadLetter.
             * @member {pipstream.v1.DeadLetter.$Properties|null|undefined} deadLetter
             * @memberof pipstream.v1.DeadLetterEvent
             * @instance
             */
            DeadLetterEvent.prototype.deadLetter = null;

            /**
             * Creates a new DeadLetterEvent instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.DeadLetterEvent
             * @static
             * @param {pipstream.v1.DeadLetterEvent.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.DeadLetterEvent} DeadLetterEvent instance
             * @type {{
             *   (properties: pipstream.v1.DeadLetterEvent.$Shape): pipstream.v1.DeadLetterEvent & pipstream.v1.DeadLetterEvent.$Shape;
             *   (properties?: pipstream.v1.DeadLetterEvent.$Properties): pipstream.v1.DeadLetterEvent;
             * }}
             */
            DeadLetterEvent.create = function(properties) {
                return new DeadLetterEvent(properties);
            };

            /**
             * Encodes the specified DeadLetterEvent message. Does not implicitly {@link pipstream.v1.DeadLetterEvent.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.DeadLetterEvent
             * @static
             * @param {pipstream.v1.DeadLetterEvent.$Properties} message DeadLetterEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeadLetterEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    $root.pipstream.v1.Envelope.encode(message.envelope, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.deadLetter != null && $Object.hasOwnProperty.call(message, "deadLetter"))
                    $root.pipstream.v1.DeadLetter.encode(message.deadLetter, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified DeadLetterEvent message, length delimited. Does not implicitly {@link pipstream.v1.DeadLetterEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.DeadLetterEvent
             * @static
             * @param {pipstream.v1.DeadLetterEvent.$Properties} message DeadLetterEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DeadLetterEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a DeadLetterEvent message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.DeadLetterEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.DeadLetterEvent & pipstream.v1.DeadLetterEvent.$Shape} DeadLetterEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeadLetterEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.DeadLetterEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.envelope = $root.pipstream.v1.Envelope.decode(reader, reader.size(), $undefined, _depth + 1, message.envelope);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.deadLetter = $root.pipstream.v1.DeadLetter.decode(reader, reader.size(), $undefined, _depth + 1, message.deadLetter);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a DeadLetterEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.DeadLetterEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.DeadLetterEvent & pipstream.v1.DeadLetterEvent.$Shape} DeadLetterEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DeadLetterEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a DeadLetterEvent message.
             * @function verify
             * @memberof pipstream.v1.DeadLetterEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DeadLetterEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope")) {
                    let error = $root.pipstream.v1.Envelope.verify(message.envelope, _depth + 1);
                    if (error)
                        return "envelope." + error;
                }
                if (message.deadLetter != null && $Object.hasOwnProperty.call(message, "deadLetter")) {
                    let error = $root.pipstream.v1.DeadLetter.verify(message.deadLetter, _depth + 1);
                    if (error)
                        return "deadLetter." + error;
                }
                return null;
            };

            /**
             * Creates a DeadLetterEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.DeadLetterEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.DeadLetterEvent} DeadLetterEvent
             */
            DeadLetterEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.DeadLetterEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.DeadLetterEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.DeadLetterEvent();
                if (object.envelope != null) {
                    if (!$util.isObject(object.envelope))
                        throw $TypeError(".pipstream.v1.DeadLetterEvent.envelope: object expected");
                    message.envelope = $root.pipstream.v1.Envelope.fromObject(object.envelope, _depth + 1);
                }
                if (object.deadLetter != null) {
                    if (!$util.isObject(object.deadLetter))
                        throw $TypeError(".pipstream.v1.DeadLetterEvent.deadLetter: object expected");
                    message.deadLetter = $root.pipstream.v1.DeadLetter.fromObject(object.deadLetter, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a DeadLetterEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.DeadLetterEvent
             * @static
             * @param {pipstream.v1.DeadLetterEvent} message DeadLetterEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DeadLetterEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.envelope = null;
                    object.deadLetter = null;
                }
                if (message.envelope != null && $Object.hasOwnProperty.call(message, "envelope"))
                    object.envelope = $root.pipstream.v1.Envelope.toObject(message.envelope, options, _depth + 1);
                if (message.deadLetter != null && $Object.hasOwnProperty.call(message, "deadLetter"))
                    object.deadLetter = $root.pipstream.v1.DeadLetter.toObject(message.deadLetter, options, _depth + 1);
                return object;
            };

            /**
             * Converts this DeadLetterEvent to JSON.
             * @function toJSON
             * @memberof pipstream.v1.DeadLetterEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DeadLetterEvent.prototype.toJSON = function() {
                return DeadLetterEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DeadLetterEvent
             * @function getTypeUrl
             * @memberof pipstream.v1.DeadLetterEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DeadLetterEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.DeadLetterEvent";
            };

            return DeadLetterEvent;
        })();

        v1.Tick = (function() {

            /**
             * Properties of a Tick.
             * @typedef {Object} pipstream.v1.Tick.$Properties
             * @property {string|null} [instrument] Tick instrument
             * @property {number|null} [timeMs] Tick timeMs
             * @property {number|null} [seq] Tick seq
             * @property {number|null} [bid] Tick bid
             * @property {number|null} [ask] Tick ask
             * @property {string|null} [source] Tick source
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Tick.
             * @memberof pipstream.v1
             * @interface ITick
             * @augments pipstream.v1.Tick.$Properties
             * @deprecated Use pipstream.v1.Tick.$Properties instead.
             */

            /**
             * Shape of a Tick.
             * @typedef {pipstream.v1.Tick.$Properties} pipstream.v1.Tick.$Shape
             */

            /**
             * Constructs a new Tick.
             * @memberof pipstream.v1
             * @classdesc Represents a Tick.
             * @constructor
             * @param {pipstream.v1.Tick.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Tick = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Tick instrument.
             * @member {string} instrument
             * @memberof pipstream.v1.Tick
             * @instance
             */
            Tick.prototype.instrument = "";

            /**
             * Tick timeMs.
             * @member {number} timeMs
             * @memberof pipstream.v1.Tick
             * @instance
             */
            Tick.prototype.timeMs = 0;

            /**
             * Tick seq.
             * @member {number} seq
             * @memberof pipstream.v1.Tick
             * @instance
             */
            Tick.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Tick bid.
             * @member {number} bid
             * @memberof pipstream.v1.Tick
             * @instance
             */
            Tick.prototype.bid = 0;

            /**
             * Tick ask.
             * @member {number} ask
             * @memberof pipstream.v1.Tick
             * @instance
             */
            Tick.prototype.ask = 0;

            /**
             * Tick source.
             * @member {string} source
             * @memberof pipstream.v1.Tick
             * @instance
             */
            Tick.prototype.source = "";

            /**
             * Creates a new Tick instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.Tick
             * @static
             * @param {pipstream.v1.Tick.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.Tick} Tick instance
             * @type {{
             *   (properties: pipstream.v1.Tick.$Shape): pipstream.v1.Tick & pipstream.v1.Tick.$Shape;
             *   (properties?: pipstream.v1.Tick.$Properties): pipstream.v1.Tick;
             * }}
             */
            Tick.create = function(properties) {
                return new Tick(properties);
            };

            /**
             * Encodes the specified Tick message. Does not implicitly {@link pipstream.v1.Tick.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.Tick
             * @static
             * @param {pipstream.v1.Tick.$Properties} message Tick message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Tick.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument") && message.instrument !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.instrument);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && !$Object.is(message.timeMs, 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.timeMs);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.seq);
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid") && !$Object.is(message.bid, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.bid);
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask") && !$Object.is(message.ask, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.ask);
                if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.source);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Tick message, length delimited. Does not implicitly {@link pipstream.v1.Tick.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.Tick
             * @static
             * @param {pipstream.v1.Tick.$Properties} message Tick message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Tick.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Tick message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.Tick
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.Tick & pipstream.v1.Tick.$Shape} Tick
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Tick.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.Tick();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instrument = value;
                            else
                                delete message.instrument;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.bid = value;
                            else
                                delete message.bid;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.ask = value;
                            else
                                delete message.ask;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.source = value;
                            else
                                delete message.source;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Tick message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.Tick
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.Tick & pipstream.v1.Tick.$Shape} Tick
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Tick.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Tick message.
             * @function verify
             * @memberof pipstream.v1.Tick
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Tick.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    if (!$util.isString(message.instrument))
                        return "instrument: string expected";
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof message.timeMs !== "number")
                        return "timeMs: number expected";
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (!$util.isInteger(message.seq) && !(message.seq && $util.isInteger(message.seq.low) && $util.isInteger(message.seq.high)))
                        return "seq: integer|Long expected";
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid"))
                    if (typeof message.bid !== "number")
                        return "bid: number expected";
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask"))
                    if (typeof message.ask !== "number")
                        return "ask: number expected";
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    if (!$util.isString(message.source))
                        return "source: string expected";
                return null;
            };

            /**
             * Creates a Tick message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.Tick
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.Tick} Tick
             */
            Tick.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.Tick)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.Tick: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.Tick();
                if (object.instrument != null)
                    if (typeof object.instrument !== "string" || object.instrument.length)
                        message.instrument = $String(object.instrument);
                if (object.timeMs != null)
                    if (!$Object.is($Number(object.timeMs), 0))
                        message.timeMs = $Number(object.timeMs);
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.bid != null)
                    if (!$Object.is($Number(object.bid), 0))
                        message.bid = $Number(object.bid);
                if (object.ask != null)
                    if (!$Object.is($Number(object.ask), 0))
                        message.ask = $Number(object.ask);
                if (object.source != null)
                    if (typeof object.source !== "string" || object.source.length)
                        message.source = $String(object.source);
                return message;
            };

            /**
             * Creates a plain object from a Tick message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.Tick
             * @static
             * @param {pipstream.v1.Tick} message Tick
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Tick.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.instrument = "";
                    object.timeMs = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.bid = 0;
                    object.ask = 0;
                    object.source = "";
                }
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    object.instrument = message.instrument;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    object.timeMs = options.json && !$isFinite(message.timeMs) ? $String(message.timeMs) : message.timeMs;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid"))
                    object.bid = options.json && !$isFinite(message.bid) ? $String(message.bid) : message.bid;
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask"))
                    object.ask = options.json && !$isFinite(message.ask) ? $String(message.ask) : message.ask;
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    object.source = message.source;
                return object;
            };

            /**
             * Converts this Tick to JSON.
             * @function toJSON
             * @memberof pipstream.v1.Tick
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Tick.prototype.toJSON = function() {
                return Tick.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Tick
             * @function getTypeUrl
             * @memberof pipstream.v1.Tick
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Tick.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.Tick";
            };

            return Tick;
        })();

        v1.Bar = (function() {

            /**
             * Properties of a Bar.
             * @typedef {Object} pipstream.v1.Bar.$Properties
             * @property {string|null} [instrument] Bar instrument
             * @property {number|null} [timeframeMs] Bar timeframeMs
             * @property {number|null} [startMs] Bar startMs
             * @property {number|null} [open] Bar open
             * @property {number|null} [high] Bar high
             * @property {number|null} [low] Bar low
             * @property {number|null} [close] Bar close
             * @property {number|null} [tickCount] Bar tickCount
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Bar.
             * @memberof pipstream.v1
             * @interface IBar
             * @augments pipstream.v1.Bar.$Properties
             * @deprecated Use pipstream.v1.Bar.$Properties instead.
             */

            /**
             * Shape of a Bar.
             * @typedef {pipstream.v1.Bar.$Properties} pipstream.v1.Bar.$Shape
             */

            /**
             * Constructs a new Bar.
             * @memberof pipstream.v1
             * @classdesc Represents a Bar.
             * @constructor
             * @param {pipstream.v1.Bar.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Bar = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Bar instrument.
             * @member {string} instrument
             * @memberof pipstream.v1.Bar
             * @instance
             */
            Bar.prototype.instrument = "";

            /**
             * Bar timeframeMs.
             * @member {number} timeframeMs
             * @memberof pipstream.v1.Bar
             * @instance
             */
            Bar.prototype.timeframeMs = 0;

            /**
             * Bar startMs.
             * @member {number} startMs
             * @memberof pipstream.v1.Bar
             * @instance
             */
            Bar.prototype.startMs = 0;

            /**
             * Bar open.
             * @member {number} open
             * @memberof pipstream.v1.Bar
             * @instance
             */
            Bar.prototype.open = 0;

            /**
             * Bar high.
             * @member {number} high
             * @memberof pipstream.v1.Bar
             * @instance
             */
            Bar.prototype.high = 0;

            /**
             * Bar low.
             * @member {number} low
             * @memberof pipstream.v1.Bar
             * @instance
             */
            Bar.prototype.low = 0;

            /**
             * Bar close.
             * @member {number} close
             * @memberof pipstream.v1.Bar
             * @instance
             */
            Bar.prototype.close = 0;

            /**
             * Bar tickCount.
             * @member {number} tickCount
             * @memberof pipstream.v1.Bar
             * @instance
             */
            Bar.prototype.tickCount = 0;

            /**
             * Creates a new Bar instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.Bar
             * @static
             * @param {pipstream.v1.Bar.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.Bar} Bar instance
             * @type {{
             *   (properties: pipstream.v1.Bar.$Shape): pipstream.v1.Bar & pipstream.v1.Bar.$Shape;
             *   (properties?: pipstream.v1.Bar.$Properties): pipstream.v1.Bar;
             * }}
             */
            Bar.create = function(properties) {
                return new Bar(properties);
            };

            /**
             * Encodes the specified Bar message. Does not implicitly {@link pipstream.v1.Bar.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.Bar
             * @static
             * @param {pipstream.v1.Bar.$Properties} message Bar message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Bar.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument") && message.instrument !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.instrument);
                if (message.timeframeMs != null && $Object.hasOwnProperty.call(message, "timeframeMs") && message.timeframeMs !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.timeframeMs);
                if (message.startMs != null && $Object.hasOwnProperty.call(message, "startMs") && !$Object.is(message.startMs, 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.startMs);
                if (message.open != null && $Object.hasOwnProperty.call(message, "open") && !$Object.is(message.open, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.open);
                if (message.high != null && $Object.hasOwnProperty.call(message, "high") && !$Object.is(message.high, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.high);
                if (message.low != null && $Object.hasOwnProperty.call(message, "low") && !$Object.is(message.low, 0))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.low);
                if (message.close != null && $Object.hasOwnProperty.call(message, "close") && !$Object.is(message.close, 0))
                    writer.uint32(/* id 7, wireType 1 =*/57).double(message.close);
                if (message.tickCount != null && $Object.hasOwnProperty.call(message, "tickCount") && message.tickCount !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.tickCount);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Bar message, length delimited. Does not implicitly {@link pipstream.v1.Bar.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.Bar
             * @static
             * @param {pipstream.v1.Bar.$Properties} message Bar message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Bar.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Bar message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.Bar
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.Bar & pipstream.v1.Bar.$Shape} Bar
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Bar.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.Bar();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instrument = value;
                            else
                                delete message.instrument;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.timeframeMs = value;
                            else
                                delete message.timeframeMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.startMs = value;
                            else
                                delete message.startMs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.open = value;
                            else
                                delete message.open;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.high = value;
                            else
                                delete message.high;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.low = value;
                            else
                                delete message.low;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.close = value;
                            else
                                delete message.close;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tickCount = value;
                            else
                                delete message.tickCount;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Bar message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.Bar
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.Bar & pipstream.v1.Bar.$Shape} Bar
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Bar.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Bar message.
             * @function verify
             * @memberof pipstream.v1.Bar
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Bar.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    if (!$util.isString(message.instrument))
                        return "instrument: string expected";
                if (message.timeframeMs != null && $Object.hasOwnProperty.call(message, "timeframeMs"))
                    if (!$util.isInteger(message.timeframeMs))
                        return "timeframeMs: integer expected";
                if (message.startMs != null && $Object.hasOwnProperty.call(message, "startMs"))
                    if (typeof message.startMs !== "number")
                        return "startMs: number expected";
                if (message.open != null && $Object.hasOwnProperty.call(message, "open"))
                    if (typeof message.open !== "number")
                        return "open: number expected";
                if (message.high != null && $Object.hasOwnProperty.call(message, "high"))
                    if (typeof message.high !== "number")
                        return "high: number expected";
                if (message.low != null && $Object.hasOwnProperty.call(message, "low"))
                    if (typeof message.low !== "number")
                        return "low: number expected";
                if (message.close != null && $Object.hasOwnProperty.call(message, "close"))
                    if (typeof message.close !== "number")
                        return "close: number expected";
                if (message.tickCount != null && $Object.hasOwnProperty.call(message, "tickCount"))
                    if (!$util.isInteger(message.tickCount))
                        return "tickCount: integer expected";
                return null;
            };

            /**
             * Creates a Bar message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.Bar
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.Bar} Bar
             */
            Bar.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.Bar)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.Bar: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.Bar();
                if (object.instrument != null)
                    if (typeof object.instrument !== "string" || object.instrument.length)
                        message.instrument = $String(object.instrument);
                if (object.timeframeMs != null)
                    if ($Number(object.timeframeMs) !== 0)
                        message.timeframeMs = object.timeframeMs >>> 0;
                if (object.startMs != null)
                    if (!$Object.is($Number(object.startMs), 0))
                        message.startMs = $Number(object.startMs);
                if (object.open != null)
                    if (!$Object.is($Number(object.open), 0))
                        message.open = $Number(object.open);
                if (object.high != null)
                    if (!$Object.is($Number(object.high), 0))
                        message.high = $Number(object.high);
                if (object.low != null)
                    if (!$Object.is($Number(object.low), 0))
                        message.low = $Number(object.low);
                if (object.close != null)
                    if (!$Object.is($Number(object.close), 0))
                        message.close = $Number(object.close);
                if (object.tickCount != null)
                    if ($Number(object.tickCount) !== 0)
                        message.tickCount = object.tickCount >>> 0;
                return message;
            };

            /**
             * Creates a plain object from a Bar message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.Bar
             * @static
             * @param {pipstream.v1.Bar} message Bar
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Bar.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.instrument = "";
                    object.timeframeMs = 0;
                    object.startMs = 0;
                    object.open = 0;
                    object.high = 0;
                    object.low = 0;
                    object.close = 0;
                    object.tickCount = 0;
                }
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    object.instrument = message.instrument;
                if (message.timeframeMs != null && $Object.hasOwnProperty.call(message, "timeframeMs"))
                    object.timeframeMs = message.timeframeMs;
                if (message.startMs != null && $Object.hasOwnProperty.call(message, "startMs"))
                    object.startMs = options.json && !$isFinite(message.startMs) ? $String(message.startMs) : message.startMs;
                if (message.open != null && $Object.hasOwnProperty.call(message, "open"))
                    object.open = options.json && !$isFinite(message.open) ? $String(message.open) : message.open;
                if (message.high != null && $Object.hasOwnProperty.call(message, "high"))
                    object.high = options.json && !$isFinite(message.high) ? $String(message.high) : message.high;
                if (message.low != null && $Object.hasOwnProperty.call(message, "low"))
                    object.low = options.json && !$isFinite(message.low) ? $String(message.low) : message.low;
                if (message.close != null && $Object.hasOwnProperty.call(message, "close"))
                    object.close = options.json && !$isFinite(message.close) ? $String(message.close) : message.close;
                if (message.tickCount != null && $Object.hasOwnProperty.call(message, "tickCount"))
                    object.tickCount = message.tickCount;
                return object;
            };

            /**
             * Converts this Bar to JSON.
             * @function toJSON
             * @memberof pipstream.v1.Bar
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Bar.prototype.toJSON = function() {
                return Bar.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Bar
             * @function getTypeUrl
             * @memberof pipstream.v1.Bar
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Bar.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.Bar";
            };

            return Bar;
        })();

        v1.RejectedTick = (function() {

            /**
             * Properties of a RejectedTick.
             * @typedef {Object} pipstream.v1.RejectedTick.$Properties
             * @property {string|null} [instrument] RejectedTick instrument
             * @property {number|null} [timeMs] RejectedTick timeMs
             * @property {number|null} [bid] RejectedTick bid
             * @property {number|null} [ask] RejectedTick ask
             * @property {string|null} [reason] RejectedTick reason
             * @property {string|null} [source] RejectedTick source
             * @property {number|null} [seq] RejectedTick seq
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RejectedTick.
             * @memberof pipstream.v1
             * @interface IRejectedTick
             * @augments pipstream.v1.RejectedTick.$Properties
             * @deprecated Use pipstream.v1.RejectedTick.$Properties instead.
             */

            /**
             * Shape of a RejectedTick.
             * @typedef {pipstream.v1.RejectedTick.$Properties} pipstream.v1.RejectedTick.$Shape
             */

            /**
             * Constructs a new RejectedTick.
             * @memberof pipstream.v1
             * @classdesc Represents a RejectedTick.
             * @constructor
             * @param {pipstream.v1.RejectedTick.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RejectedTick = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RejectedTick instrument.
             * @member {string} instrument
             * @memberof pipstream.v1.RejectedTick
             * @instance
             */
            RejectedTick.prototype.instrument = "";

            /**
             * RejectedTick timeMs.
             * @member {number} timeMs
             * @memberof pipstream.v1.RejectedTick
             * @instance
             */
            RejectedTick.prototype.timeMs = 0;

            /**
             * RejectedTick bid.
             * @member {number} bid
             * @memberof pipstream.v1.RejectedTick
             * @instance
             */
            RejectedTick.prototype.bid = 0;

            /**
             * RejectedTick ask.
             * @member {number} ask
             * @memberof pipstream.v1.RejectedTick
             * @instance
             */
            RejectedTick.prototype.ask = 0;

            /**
             * RejectedTick reason.
             * @member {string} reason
             * @memberof pipstream.v1.RejectedTick
             * @instance
             */
            RejectedTick.prototype.reason = "";

            /**
             * RejectedTick source.
             * @member {string} source
             * @memberof pipstream.v1.RejectedTick
             * @instance
             */
            RejectedTick.prototype.source = "";

            /**
             * RejectedTick seq.
             * @member {number} seq
             * @memberof pipstream.v1.RejectedTick
             * @instance
             */
            RejectedTick.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Creates a new RejectedTick instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.RejectedTick
             * @static
             * @param {pipstream.v1.RejectedTick.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.RejectedTick} RejectedTick instance
             * @type {{
             *   (properties: pipstream.v1.RejectedTick.$Shape): pipstream.v1.RejectedTick & pipstream.v1.RejectedTick.$Shape;
             *   (properties?: pipstream.v1.RejectedTick.$Properties): pipstream.v1.RejectedTick;
             * }}
             */
            RejectedTick.create = function(properties) {
                return new RejectedTick(properties);
            };

            /**
             * Encodes the specified RejectedTick message. Does not implicitly {@link pipstream.v1.RejectedTick.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.RejectedTick
             * @static
             * @param {pipstream.v1.RejectedTick.$Properties} message RejectedTick message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RejectedTick.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument") && message.instrument !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.instrument);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && !$Object.is(message.timeMs, 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.timeMs);
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid") && !$Object.is(message.bid, 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.bid);
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask") && !$Object.is(message.ask, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.ask);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.reason);
                if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.source);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.seq);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RejectedTick message, length delimited. Does not implicitly {@link pipstream.v1.RejectedTick.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.RejectedTick
             * @static
             * @param {pipstream.v1.RejectedTick.$Properties} message RejectedTick message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RejectedTick.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RejectedTick message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.RejectedTick
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.RejectedTick & pipstream.v1.RejectedTick.$Shape} RejectedTick
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RejectedTick.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.RejectedTick();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instrument = value;
                            else
                                delete message.instrument;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.bid = value;
                            else
                                delete message.bid;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.ask = value;
                            else
                                delete message.ask;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.source = value;
                            else
                                delete message.source;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RejectedTick message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.RejectedTick
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.RejectedTick & pipstream.v1.RejectedTick.$Shape} RejectedTick
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RejectedTick.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RejectedTick message.
             * @function verify
             * @memberof pipstream.v1.RejectedTick
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RejectedTick.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    if (!$util.isString(message.instrument))
                        return "instrument: string expected";
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof message.timeMs !== "number")
                        return "timeMs: number expected";
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid"))
                    if (typeof message.bid !== "number")
                        return "bid: number expected";
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask"))
                    if (typeof message.ask !== "number")
                        return "ask: number expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    if (!$util.isString(message.source))
                        return "source: string expected";
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (!$util.isInteger(message.seq) && !(message.seq && $util.isInteger(message.seq.low) && $util.isInteger(message.seq.high)))
                        return "seq: integer|Long expected";
                return null;
            };

            /**
             * Creates a RejectedTick message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.RejectedTick
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.RejectedTick} RejectedTick
             */
            RejectedTick.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.RejectedTick)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.RejectedTick: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.RejectedTick();
                if (object.instrument != null)
                    if (typeof object.instrument !== "string" || object.instrument.length)
                        message.instrument = $String(object.instrument);
                if (object.timeMs != null)
                    if (!$Object.is($Number(object.timeMs), 0))
                        message.timeMs = $Number(object.timeMs);
                if (object.bid != null)
                    if (!$Object.is($Number(object.bid), 0))
                        message.bid = $Number(object.bid);
                if (object.ask != null)
                    if (!$Object.is($Number(object.ask), 0))
                        message.ask = $Number(object.ask);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.source != null)
                    if (typeof object.source !== "string" || object.source.length)
                        message.source = $String(object.source);
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                return message;
            };

            /**
             * Creates a plain object from a RejectedTick message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.RejectedTick
             * @static
             * @param {pipstream.v1.RejectedTick} message RejectedTick
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RejectedTick.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.instrument = "";
                    object.timeMs = 0;
                    object.bid = 0;
                    object.ask = 0;
                    object.reason = "";
                    object.source = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    object.instrument = message.instrument;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    object.timeMs = options.json && !$isFinite(message.timeMs) ? $String(message.timeMs) : message.timeMs;
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid"))
                    object.bid = options.json && !$isFinite(message.bid) ? $String(message.bid) : message.bid;
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask"))
                    object.ask = options.json && !$isFinite(message.ask) ? $String(message.ask) : message.ask;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    object.source = message.source;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                return object;
            };

            /**
             * Converts this RejectedTick to JSON.
             * @function toJSON
             * @memberof pipstream.v1.RejectedTick
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RejectedTick.prototype.toJSON = function() {
                return RejectedTick.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RejectedTick
             * @function getTypeUrl
             * @memberof pipstream.v1.RejectedTick
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RejectedTick.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.RejectedTick";
            };

            return RejectedTick;
        })();

        v1.Notification = (function() {

            /**
             * Properties of a Notification.
             * @typedef {Object} pipstream.v1.Notification.$Properties
             * @property {string|null} [id] Notification id
             * @property {string|null} [kind] Notification kind
             * @property {string|null} [account] Notification account
             * @property {string|null} [instrument] Notification instrument
             * @property {string|null} [message] Notification message
             * @property {number|null} [timeMs] Notification timeMs
             * @property {string|null} [signalId] Notification signalId
             * @property {string|null} [workflowId] Notification workflowId
             * @property {number|null} [workflowVersion] Notification workflowVersion
             * @property {string|null} [nodeId] Notification nodeId
             * @property {number|null} [price] Notification price
             * @property {number|null} [bid] Notification bid
             * @property {number|null} [ask] Notification ask
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Notification.
             * @memberof pipstream.v1
             * @interface INotification
             * @augments pipstream.v1.Notification.$Properties
             * @deprecated Use pipstream.v1.Notification.$Properties instead.
             */

            /**
             * Shape of a Notification.
             * @typedef {pipstream.v1.Notification.$Properties} pipstream.v1.Notification.$Shape
             */

            /**
             * Constructs a new Notification.
             * @memberof pipstream.v1
             * @classdesc Represents a Notification.
             * @constructor
             * @param {pipstream.v1.Notification.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Notification = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Notification id.
             * @member {string} id
             * @memberof pipstream.v1.Notification
             * @instance
             */
            Notification.prototype.id = "";

            /**
             * Notification kind.
             * @member {string} kind
             * @memberof pipstream.v1.Notification
             * @instance
             */
            Notification.prototype.kind = "";

            /**
             * Notification account.
             * @member {string} account
             * @memberof pipstream.v1.Notification
             * @instance
             */
            Notification.prototype.account = "";

            /**
             * Notification instrument.
             * @member {string} instrument
             * @memberof pipstream.v1.Notification
             * @instance
             */
            Notification.prototype.instrument = "";

            /**
             * Notification message.
             * @member {string} message
             * @memberof pipstream.v1.Notification
             * @instance
             */
            Notification.prototype.message = "";

            /**
             * Notification timeMs.
             * @member {number} timeMs
             * @memberof pipstream.v1.Notification
             * @instance
             */
            Notification.prototype.timeMs = 0;

            /**
             * Notification signalId.
             * @member {string} signalId
             * @memberof pipstream.v1.Notification
             * @instance
             */
            Notification.prototype.signalId = "";

            /**
             * Notification workflowId.
             * @member {string} workflowId
             * @memberof pipstream.v1.Notification
             * @instance
             */
            Notification.prototype.workflowId = "";

            /**
             * Notification workflowVersion.
             * @member {number} workflowVersion
             * @memberof pipstream.v1.Notification
             * @instance
             */
            Notification.prototype.workflowVersion = 0;

            /**
             * Notification nodeId.
             * @member {string} nodeId
             * @memberof pipstream.v1.Notification
             * @instance
             */
            Notification.prototype.nodeId = "";

            /**
             * Notification price.
             * @member {number} price
             * @memberof pipstream.v1.Notification
             * @instance
             */
            Notification.prototype.price = 0;

            /**
             * Notification bid.
             * @member {number} bid
             * @memberof pipstream.v1.Notification
             * @instance
             */
            Notification.prototype.bid = 0;

            /**
             * Notification ask.
             * @member {number} ask
             * @memberof pipstream.v1.Notification
             * @instance
             */
            Notification.prototype.ask = 0;

            /**
             * Creates a new Notification instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.Notification
             * @static
             * @param {pipstream.v1.Notification.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.Notification} Notification instance
             * @type {{
             *   (properties: pipstream.v1.Notification.$Shape): pipstream.v1.Notification & pipstream.v1.Notification.$Shape;
             *   (properties?: pipstream.v1.Notification.$Properties): pipstream.v1.Notification;
             * }}
             */
            Notification.create = function(properties) {
                return new Notification(properties);
            };

            /**
             * Encodes the specified Notification message. Does not implicitly {@link pipstream.v1.Notification.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.Notification
             * @static
             * @param {pipstream.v1.Notification.$Properties} message Notification message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Notification.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.kind);
                if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.account);
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument") && message.instrument !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.instrument);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.message);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && !$Object.is(message.timeMs, 0))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.timeMs);
                if (message.signalId != null && $Object.hasOwnProperty.call(message, "signalId") && message.signalId !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.signalId);
                if (message.workflowId != null && $Object.hasOwnProperty.call(message, "workflowId") && message.workflowId !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.workflowId);
                if (message.workflowVersion != null && $Object.hasOwnProperty.call(message, "workflowVersion") && message.workflowVersion !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.workflowVersion);
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId") && message.nodeId !== "")
                    writer.uint32(/* id 10, wireType 2 =*/82).string(message.nodeId);
                if (message.price != null && $Object.hasOwnProperty.call(message, "price") && !$Object.is(message.price, 0))
                    writer.uint32(/* id 11, wireType 1 =*/89).double(message.price);
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid") && !$Object.is(message.bid, 0))
                    writer.uint32(/* id 12, wireType 1 =*/97).double(message.bid);
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask") && !$Object.is(message.ask, 0))
                    writer.uint32(/* id 13, wireType 1 =*/105).double(message.ask);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Notification message, length delimited. Does not implicitly {@link pipstream.v1.Notification.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.Notification
             * @static
             * @param {pipstream.v1.Notification.$Properties} message Notification message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Notification.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Notification message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.Notification
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.Notification & pipstream.v1.Notification.$Shape} Notification
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Notification.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.Notification();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.account = value;
                            else
                                delete message.account;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instrument = value;
                            else
                                delete message.instrument;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.signalId = value;
                            else
                                delete message.signalId;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workflowId = value;
                            else
                                delete message.workflowId;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.workflowVersion = value;
                            else
                                delete message.workflowVersion;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.nodeId = value;
                            else
                                delete message.nodeId;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.price = value;
                            else
                                delete message.price;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.bid = value;
                            else
                                delete message.bid;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.ask = value;
                            else
                                delete message.ask;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Notification message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.Notification
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.Notification & pipstream.v1.Notification.$Shape} Notification
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Notification.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Notification message.
             * @function verify
             * @memberof pipstream.v1.Notification
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Notification.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (!$util.isString(message.id))
                        return "id: string expected";
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    if (!$util.isString(message.kind))
                        return "kind: string expected";
                if (message.account != null && $Object.hasOwnProperty.call(message, "account"))
                    if (!$util.isString(message.account))
                        return "account: string expected";
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    if (!$util.isString(message.instrument))
                        return "instrument: string expected";
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    if (!$util.isString(message.message))
                        return "message: string expected";
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof message.timeMs !== "number")
                        return "timeMs: number expected";
                if (message.signalId != null && $Object.hasOwnProperty.call(message, "signalId"))
                    if (!$util.isString(message.signalId))
                        return "signalId: string expected";
                if (message.workflowId != null && $Object.hasOwnProperty.call(message, "workflowId"))
                    if (!$util.isString(message.workflowId))
                        return "workflowId: string expected";
                if (message.workflowVersion != null && $Object.hasOwnProperty.call(message, "workflowVersion"))
                    if (!$util.isInteger(message.workflowVersion))
                        return "workflowVersion: integer expected";
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId"))
                    if (!$util.isString(message.nodeId))
                        return "nodeId: string expected";
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    if (typeof message.price !== "number")
                        return "price: number expected";
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid"))
                    if (typeof message.bid !== "number")
                        return "bid: number expected";
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask"))
                    if (typeof message.ask !== "number")
                        return "ask: number expected";
                return null;
            };

            /**
             * Creates a Notification message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.Notification
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.Notification} Notification
             */
            Notification.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.Notification)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.Notification: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.Notification();
                if (object.id != null)
                    if (typeof object.id !== "string" || object.id.length)
                        message.id = $String(object.id);
                if (object.kind != null)
                    if (typeof object.kind !== "string" || object.kind.length)
                        message.kind = $String(object.kind);
                if (object.account != null)
                    if (typeof object.account !== "string" || object.account.length)
                        message.account = $String(object.account);
                if (object.instrument != null)
                    if (typeof object.instrument !== "string" || object.instrument.length)
                        message.instrument = $String(object.instrument);
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                if (object.timeMs != null)
                    if (!$Object.is($Number(object.timeMs), 0))
                        message.timeMs = $Number(object.timeMs);
                if (object.signalId != null)
                    if (typeof object.signalId !== "string" || object.signalId.length)
                        message.signalId = $String(object.signalId);
                if (object.workflowId != null)
                    if (typeof object.workflowId !== "string" || object.workflowId.length)
                        message.workflowId = $String(object.workflowId);
                if (object.workflowVersion != null)
                    if ($Number(object.workflowVersion) !== 0)
                        message.workflowVersion = object.workflowVersion >>> 0;
                if (object.nodeId != null)
                    if (typeof object.nodeId !== "string" || object.nodeId.length)
                        message.nodeId = $String(object.nodeId);
                if (object.price != null)
                    if (!$Object.is($Number(object.price), 0))
                        message.price = $Number(object.price);
                if (object.bid != null)
                    if (!$Object.is($Number(object.bid), 0))
                        message.bid = $Number(object.bid);
                if (object.ask != null)
                    if (!$Object.is($Number(object.ask), 0))
                        message.ask = $Number(object.ask);
                return message;
            };

            /**
             * Creates a plain object from a Notification message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.Notification
             * @static
             * @param {pipstream.v1.Notification} message Notification
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Notification.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.id = "";
                    object.kind = "";
                    object.account = "";
                    object.instrument = "";
                    object.message = "";
                    object.timeMs = 0;
                    object.signalId = "";
                    object.workflowId = "";
                    object.workflowVersion = 0;
                    object.nodeId = "";
                    object.price = 0;
                    object.bid = 0;
                    object.ask = 0;
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    object.kind = message.kind;
                if (message.account != null && $Object.hasOwnProperty.call(message, "account"))
                    object.account = message.account;
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    object.instrument = message.instrument;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    object.timeMs = options.json && !$isFinite(message.timeMs) ? $String(message.timeMs) : message.timeMs;
                if (message.signalId != null && $Object.hasOwnProperty.call(message, "signalId"))
                    object.signalId = message.signalId;
                if (message.workflowId != null && $Object.hasOwnProperty.call(message, "workflowId"))
                    object.workflowId = message.workflowId;
                if (message.workflowVersion != null && $Object.hasOwnProperty.call(message, "workflowVersion"))
                    object.workflowVersion = message.workflowVersion;
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId"))
                    object.nodeId = message.nodeId;
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    object.price = options.json && !$isFinite(message.price) ? $String(message.price) : message.price;
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid"))
                    object.bid = options.json && !$isFinite(message.bid) ? $String(message.bid) : message.bid;
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask"))
                    object.ask = options.json && !$isFinite(message.ask) ? $String(message.ask) : message.ask;
                return object;
            };

            /**
             * Converts this Notification to JSON.
             * @function toJSON
             * @memberof pipstream.v1.Notification
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Notification.prototype.toJSON = function() {
                return Notification.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Notification
             * @function getTypeUrl
             * @memberof pipstream.v1.Notification
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Notification.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.Notification";
            };

            return Notification;
        })();

        /**
         * OrderState enum.
         * @name pipstream.v1.OrderState
         * @enum {number}
         * @property {number} ORDER_STATE_UNSPECIFIED=0 ORDER_STATE_UNSPECIFIED value
         * @property {number} ORDER_STATE_PENDING_CONFIRMATION=1 ORDER_STATE_PENDING_CONFIRMATION value
         * @property {number} ORDER_STATE_CONFIRMED=2 ORDER_STATE_CONFIRMED value
         * @property {number} ORDER_STATE_EXPIRED=3 ORDER_STATE_EXPIRED value
         * @property {number} ORDER_STATE_REJECTED_BY_USER=4 ORDER_STATE_REJECTED_BY_USER value
         * @property {number} ORDER_STATE_RISK_REJECTED=5 ORDER_STATE_RISK_REJECTED value
         * @property {number} ORDER_STATE_SUBMITTED=6 ORDER_STATE_SUBMITTED value
         * @property {number} ORDER_STATE_FILLED=7 ORDER_STATE_FILLED value
         * @property {number} ORDER_STATE_REJECTED=8 ORDER_STATE_REJECTED value
         * @property {number} ORDER_STATE_CANCELLED=9 ORDER_STATE_CANCELLED value
         */
        v1.OrderState = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ORDER_STATE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ORDER_STATE_PENDING_CONFIRMATION"] = 1;
            values[valuesById[2] = "ORDER_STATE_CONFIRMED"] = 2;
            values[valuesById[3] = "ORDER_STATE_EXPIRED"] = 3;
            values[valuesById[4] = "ORDER_STATE_REJECTED_BY_USER"] = 4;
            values[valuesById[5] = "ORDER_STATE_RISK_REJECTED"] = 5;
            values[valuesById[6] = "ORDER_STATE_SUBMITTED"] = 6;
            values[valuesById[7] = "ORDER_STATE_FILLED"] = 7;
            values[valuesById[8] = "ORDER_STATE_REJECTED"] = 8;
            values[valuesById[9] = "ORDER_STATE_CANCELLED"] = 9;
            return values;
        })();

        v1.OrderUpdate = (function() {

            /**
             * Properties of an OrderUpdate.
             * @typedef {Object} pipstream.v1.OrderUpdate.$Properties
             * @property {string|null} [orderId] OrderUpdate orderId
             * @property {string|null} [signalId] OrderUpdate signalId
             * @property {string|null} [account] OrderUpdate account
             * @property {string|null} [instrument] OrderUpdate instrument
             * @property {pipstream.v1.OrderState|null} [state] OrderUpdate state
             * @property {pipstream.v1.Side|null} [side] OrderUpdate side
             * @property {number|null} [units] OrderUpdate units
             * @property {number|null} [timeMs] OrderUpdate timeMs
             * @property {string|null} [broker] OrderUpdate broker
             * @property {number|null} [price] OrderUpdate price
             * @property {string|null} [reason] OrderUpdate reason
             * @property {number|null} [riskLimit] OrderUpdate riskLimit
             * @property {number|null} [riskValue] OrderUpdate riskValue
             * @property {number|null} [stopLossPrice] OrderUpdate stopLossPrice
             * @property {number|null} [takeProfitPrice] OrderUpdate takeProfitPrice
             * @property {number|null} [slippagePips] OrderUpdate slippagePips
             * @property {number|null} [bid] OrderUpdate bid
             * @property {number|null} [ask] OrderUpdate ask
             * @property {number|null} [expiresMs] OrderUpdate expiresMs
             * @property {string|null} [workflowId] OrderUpdate workflowId
             * @property {number|null} [workflowVersion] OrderUpdate workflowVersion
             * @property {number|null} [stopLossPips] OrderUpdate stopLossPips
             * @property {number|null} [takeProfitPips] OrderUpdate takeProfitPips
             * @property {string|null} [brokerTransactionId] OrderUpdate brokerTransactionId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an OrderUpdate.
             * @memberof pipstream.v1
             * @interface IOrderUpdate
             * @augments pipstream.v1.OrderUpdate.$Properties
             * @deprecated Use pipstream.v1.OrderUpdate.$Properties instead.
             */

            /**
             * Shape of an OrderUpdate.
             * @typedef {pipstream.v1.OrderUpdate.$Properties} pipstream.v1.OrderUpdate.$Shape
             */

            /**
             * Constructs a new OrderUpdate.
             * @memberof pipstream.v1
             * @classdesc Represents an OrderUpdate.
             * @constructor
             * @param {pipstream.v1.OrderUpdate.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const OrderUpdate = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * OrderUpdate orderId.
             * @member {string} orderId
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.orderId = "";

            /**
             * OrderUpdate signalId.
             * @member {string} signalId
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.signalId = "";

            /**
             * OrderUpdate account.
             * @member {string} account
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.account = "";

            /**
             * OrderUpdate instrument.
             * @member {string} instrument
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.instrument = "";

            /**
             * OrderUpdate state.
             * @member {pipstream.v1.OrderState} state
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.state = 0;

            /**
             * OrderUpdate side.
             * @member {pipstream.v1.Side} side
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.side = 0;

            /**
             * OrderUpdate units.
             * @member {number} units
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.units = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * OrderUpdate timeMs.
             * @member {number} timeMs
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.timeMs = 0;

            /**
             * OrderUpdate broker.
             * @member {string} broker
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.broker = "";

            /**
             * OrderUpdate price.
             * @member {number|null|undefined} price
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.price = null;

            /**
             * OrderUpdate reason.
             * @member {string} reason
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.reason = "";

            /**
             * OrderUpdate riskLimit.
             * @member {number|null|undefined} riskLimit
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.riskLimit = null;

            /**
             * OrderUpdate riskValue.
             * @member {number|null|undefined} riskValue
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.riskValue = null;

            /**
             * OrderUpdate stopLossPrice.
             * @member {number|null|undefined} stopLossPrice
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.stopLossPrice = null;

            /**
             * OrderUpdate takeProfitPrice.
             * @member {number|null|undefined} takeProfitPrice
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.takeProfitPrice = null;

            /**
             * OrderUpdate slippagePips.
             * @member {number|null|undefined} slippagePips
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.slippagePips = null;

            /**
             * OrderUpdate bid.
             * @member {number} bid
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.bid = 0;

            /**
             * OrderUpdate ask.
             * @member {number} ask
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.ask = 0;

            /**
             * OrderUpdate expiresMs.
             * @member {number|null|undefined} expiresMs
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.expiresMs = null;

            /**
             * OrderUpdate workflowId.
             * @member {string} workflowId
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.workflowId = "";

            /**
             * OrderUpdate workflowVersion.
             * @member {number} workflowVersion
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.workflowVersion = 0;

            /**
             * OrderUpdate stopLossPips.
             * @member {number|null|undefined} stopLossPips
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.stopLossPips = null;

            /**
             * OrderUpdate takeProfitPips.
             * @member {number|null|undefined} takeProfitPips
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.takeProfitPips = null;

            /**
             * OrderUpdate brokerTransactionId.
             * @member {string} brokerTransactionId
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             */
            OrderUpdate.prototype.brokerTransactionId = "";

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(OrderUpdate.prototype, "_price", {
                get: $util.oneOfGetter($oneOfFields = ["price"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(OrderUpdate.prototype, "_riskLimit", {
                get: $util.oneOfGetter($oneOfFields = ["riskLimit"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(OrderUpdate.prototype, "_riskValue", {
                get: $util.oneOfGetter($oneOfFields = ["riskValue"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(OrderUpdate.prototype, "_stopLossPrice", {
                get: $util.oneOfGetter($oneOfFields = ["stopLossPrice"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(OrderUpdate.prototype, "_takeProfitPrice", {
                get: $util.oneOfGetter($oneOfFields = ["takeProfitPrice"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(OrderUpdate.prototype, "_slippagePips", {
                get: $util.oneOfGetter($oneOfFields = ["slippagePips"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(OrderUpdate.prototype, "_expiresMs", {
                get: $util.oneOfGetter($oneOfFields = ["expiresMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(OrderUpdate.prototype, "_stopLossPips", {
                get: $util.oneOfGetter($oneOfFields = ["stopLossPips"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(OrderUpdate.prototype, "_takeProfitPips", {
                get: $util.oneOfGetter($oneOfFields = ["takeProfitPips"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new OrderUpdate instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.OrderUpdate
             * @static
             * @param {pipstream.v1.OrderUpdate.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.OrderUpdate} OrderUpdate instance
             * @type {{
             *   (properties: pipstream.v1.OrderUpdate.$Shape): pipstream.v1.OrderUpdate & pipstream.v1.OrderUpdate.$Shape;
             *   (properties?: pipstream.v1.OrderUpdate.$Properties): pipstream.v1.OrderUpdate;
             * }}
             */
            OrderUpdate.create = function(properties) {
                return new OrderUpdate(properties);
            };

            /**
             * Encodes the specified OrderUpdate message. Does not implicitly {@link pipstream.v1.OrderUpdate.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.OrderUpdate
             * @static
             * @param {pipstream.v1.OrderUpdate.$Properties} message OrderUpdate message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OrderUpdate.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && message.orderId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.orderId);
                if (message.signalId != null && $Object.hasOwnProperty.call(message, "signalId") && message.signalId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.signalId);
                if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.account);
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument") && message.instrument !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.instrument);
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== 0)
                    writer.uint32(/* id 5, wireType 0 =*/40).int32(message.state);
                if (message.side != null && $Object.hasOwnProperty.call(message, "side") && message.side !== 0)
                    writer.uint32(/* id 6, wireType 0 =*/48).int32(message.side);
                if (message.units != null && $Object.hasOwnProperty.call(message, "units") && (typeof message.units === "object" ? message.units.low || message.units.high : message.units !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).int64(message.units);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && !$Object.is(message.timeMs, 0))
                    writer.uint32(/* id 8, wireType 1 =*/65).double(message.timeMs);
                if (message.broker != null && $Object.hasOwnProperty.call(message, "broker") && message.broker !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.broker);
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    writer.uint32(/* id 10, wireType 1 =*/81).double(message.price);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 11, wireType 2 =*/90).string(message.reason);
                if (message.riskLimit != null && $Object.hasOwnProperty.call(message, "riskLimit"))
                    writer.uint32(/* id 12, wireType 1 =*/97).double(message.riskLimit);
                if (message.riskValue != null && $Object.hasOwnProperty.call(message, "riskValue"))
                    writer.uint32(/* id 13, wireType 1 =*/105).double(message.riskValue);
                if (message.stopLossPrice != null && $Object.hasOwnProperty.call(message, "stopLossPrice"))
                    writer.uint32(/* id 14, wireType 1 =*/113).double(message.stopLossPrice);
                if (message.takeProfitPrice != null && $Object.hasOwnProperty.call(message, "takeProfitPrice"))
                    writer.uint32(/* id 15, wireType 1 =*/121).double(message.takeProfitPrice);
                if (message.slippagePips != null && $Object.hasOwnProperty.call(message, "slippagePips"))
                    writer.uint32(/* id 16, wireType 1 =*/129).double(message.slippagePips);
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid") && !$Object.is(message.bid, 0))
                    writer.uint32(/* id 17, wireType 1 =*/137).double(message.bid);
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask") && !$Object.is(message.ask, 0))
                    writer.uint32(/* id 18, wireType 1 =*/145).double(message.ask);
                if (message.expiresMs != null && $Object.hasOwnProperty.call(message, "expiresMs"))
                    writer.uint32(/* id 19, wireType 1 =*/153).double(message.expiresMs);
                if (message.workflowId != null && $Object.hasOwnProperty.call(message, "workflowId") && message.workflowId !== "")
                    writer.uint32(/* id 20, wireType 2 =*/162).string(message.workflowId);
                if (message.workflowVersion != null && $Object.hasOwnProperty.call(message, "workflowVersion") && message.workflowVersion !== 0)
                    writer.uint32(/* id 21, wireType 0 =*/168).uint32(message.workflowVersion);
                if (message.stopLossPips != null && $Object.hasOwnProperty.call(message, "stopLossPips"))
                    writer.uint32(/* id 22, wireType 1 =*/177).double(message.stopLossPips);
                if (message.takeProfitPips != null && $Object.hasOwnProperty.call(message, "takeProfitPips"))
                    writer.uint32(/* id 23, wireType 1 =*/185).double(message.takeProfitPips);
                if (message.brokerTransactionId != null && $Object.hasOwnProperty.call(message, "brokerTransactionId") && message.brokerTransactionId !== "")
                    writer.uint32(/* id 24, wireType 2 =*/194).string(message.brokerTransactionId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified OrderUpdate message, length delimited. Does not implicitly {@link pipstream.v1.OrderUpdate.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.OrderUpdate
             * @static
             * @param {pipstream.v1.OrderUpdate.$Properties} message OrderUpdate message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            OrderUpdate.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an OrderUpdate message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.OrderUpdate
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.OrderUpdate & pipstream.v1.OrderUpdate.$Shape} OrderUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OrderUpdate.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.OrderUpdate();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.orderId = value;
                            else
                                delete message.orderId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.signalId = value;
                            else
                                delete message.signalId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.account = value;
                            else
                                delete message.account;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instrument = value;
                            else
                                delete message.instrument;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.side = value;
                            else
                                delete message.side;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.units = value;
                            else
                                delete message.units;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.broker = value;
                            else
                                delete message.broker;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 1)
                                break;
                            message.price = reader.double();
                            message._price = "price";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 1)
                                break;
                            message.riskLimit = reader.double();
                            message._riskLimit = "riskLimit";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 1)
                                break;
                            message.riskValue = reader.double();
                            message._riskValue = "riskValue";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 1)
                                break;
                            message.stopLossPrice = reader.double();
                            message._stopLossPrice = "stopLossPrice";
                            continue;
                        }
                    case 15: {
                            if (wireType !== 1)
                                break;
                            message.takeProfitPrice = reader.double();
                            message._takeProfitPrice = "takeProfitPrice";
                            continue;
                        }
                    case 16: {
                            if (wireType !== 1)
                                break;
                            message.slippagePips = reader.double();
                            message._slippagePips = "slippagePips";
                            continue;
                        }
                    case 17: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.bid = value;
                            else
                                delete message.bid;
                            continue;
                        }
                    case 18: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.ask = value;
                            else
                                delete message.ask;
                            continue;
                        }
                    case 19: {
                            if (wireType !== 1)
                                break;
                            message.expiresMs = reader.double();
                            message._expiresMs = "expiresMs";
                            continue;
                        }
                    case 20: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workflowId = value;
                            else
                                delete message.workflowId;
                            continue;
                        }
                    case 21: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.workflowVersion = value;
                            else
                                delete message.workflowVersion;
                            continue;
                        }
                    case 22: {
                            if (wireType !== 1)
                                break;
                            message.stopLossPips = reader.double();
                            message._stopLossPips = "stopLossPips";
                            continue;
                        }
                    case 23: {
                            if (wireType !== 1)
                                break;
                            message.takeProfitPips = reader.double();
                            message._takeProfitPips = "takeProfitPips";
                            continue;
                        }
                    case 24: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.brokerTransactionId = value;
                            else
                                delete message.brokerTransactionId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an OrderUpdate message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.OrderUpdate
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.OrderUpdate & pipstream.v1.OrderUpdate.$Shape} OrderUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            OrderUpdate.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an OrderUpdate message.
             * @function verify
             * @memberof pipstream.v1.OrderUpdate
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            OrderUpdate.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    if (!$util.isString(message.orderId))
                        return "orderId: string expected";
                if (message.signalId != null && $Object.hasOwnProperty.call(message, "signalId"))
                    if (!$util.isString(message.signalId))
                        return "signalId: string expected";
                if (message.account != null && $Object.hasOwnProperty.call(message, "account"))
                    if (!$util.isString(message.account))
                        return "account: string expected";
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    if (!$util.isString(message.instrument))
                        return "instrument: string expected";
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    if (typeof message.state !== "number" || (message.state | 0) !== message.state)
                        return "state: enum value expected";
                if (message.side != null && $Object.hasOwnProperty.call(message, "side"))
                    if (typeof message.side !== "number" || (message.side | 0) !== message.side)
                        return "side: enum value expected";
                if (message.units != null && $Object.hasOwnProperty.call(message, "units"))
                    if (!$util.isInteger(message.units) && !(message.units && $util.isInteger(message.units.low) && $util.isInteger(message.units.high)))
                        return "units: integer|Long expected";
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof message.timeMs !== "number")
                        return "timeMs: number expected";
                if (message.broker != null && $Object.hasOwnProperty.call(message, "broker"))
                    if (!$util.isString(message.broker))
                        return "broker: string expected";
                if (message.price != null && $Object.hasOwnProperty.call(message, "price")) {
                    properties._price = 1;
                    if (typeof message.price !== "number")
                        return "price: number expected";
                }
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                if (message.riskLimit != null && $Object.hasOwnProperty.call(message, "riskLimit")) {
                    properties._riskLimit = 1;
                    if (typeof message.riskLimit !== "number")
                        return "riskLimit: number expected";
                }
                if (message.riskValue != null && $Object.hasOwnProperty.call(message, "riskValue")) {
                    properties._riskValue = 1;
                    if (typeof message.riskValue !== "number")
                        return "riskValue: number expected";
                }
                if (message.stopLossPrice != null && $Object.hasOwnProperty.call(message, "stopLossPrice")) {
                    properties._stopLossPrice = 1;
                    if (typeof message.stopLossPrice !== "number")
                        return "stopLossPrice: number expected";
                }
                if (message.takeProfitPrice != null && $Object.hasOwnProperty.call(message, "takeProfitPrice")) {
                    properties._takeProfitPrice = 1;
                    if (typeof message.takeProfitPrice !== "number")
                        return "takeProfitPrice: number expected";
                }
                if (message.slippagePips != null && $Object.hasOwnProperty.call(message, "slippagePips")) {
                    properties._slippagePips = 1;
                    if (typeof message.slippagePips !== "number")
                        return "slippagePips: number expected";
                }
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid"))
                    if (typeof message.bid !== "number")
                        return "bid: number expected";
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask"))
                    if (typeof message.ask !== "number")
                        return "ask: number expected";
                if (message.expiresMs != null && $Object.hasOwnProperty.call(message, "expiresMs")) {
                    properties._expiresMs = 1;
                    if (typeof message.expiresMs !== "number")
                        return "expiresMs: number expected";
                }
                if (message.workflowId != null && $Object.hasOwnProperty.call(message, "workflowId"))
                    if (!$util.isString(message.workflowId))
                        return "workflowId: string expected";
                if (message.workflowVersion != null && $Object.hasOwnProperty.call(message, "workflowVersion"))
                    if (!$util.isInteger(message.workflowVersion))
                        return "workflowVersion: integer expected";
                if (message.stopLossPips != null && $Object.hasOwnProperty.call(message, "stopLossPips")) {
                    properties._stopLossPips = 1;
                    if (typeof message.stopLossPips !== "number")
                        return "stopLossPips: number expected";
                }
                if (message.takeProfitPips != null && $Object.hasOwnProperty.call(message, "takeProfitPips")) {
                    properties._takeProfitPips = 1;
                    if (typeof message.takeProfitPips !== "number")
                        return "takeProfitPips: number expected";
                }
                if (message.brokerTransactionId != null && $Object.hasOwnProperty.call(message, "brokerTransactionId"))
                    if (!$util.isString(message.brokerTransactionId))
                        return "brokerTransactionId: string expected";
                return null;
            };

            /**
             * Creates an OrderUpdate message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.OrderUpdate
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.OrderUpdate} OrderUpdate
             */
            OrderUpdate.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.OrderUpdate)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.OrderUpdate: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.OrderUpdate();
                if (object.orderId != null)
                    if (typeof object.orderId !== "string" || object.orderId.length)
                        message.orderId = $String(object.orderId);
                if (object.signalId != null)
                    if (typeof object.signalId !== "string" || object.signalId.length)
                        message.signalId = $String(object.signalId);
                if (object.account != null)
                    if (typeof object.account !== "string" || object.account.length)
                        message.account = $String(object.account);
                if (object.instrument != null)
                    if (typeof object.instrument !== "string" || object.instrument.length)
                        message.instrument = $String(object.instrument);
                if (object.state !== 0 && (typeof object.state !== "string" || $root.pipstream.v1.OrderState[object.state] !== 0))
                    switch (object.state) {
                    case "ORDER_STATE_UNSPECIFIED":
                    case 0:
                        message.state = 0;
                        break;
                    case "ORDER_STATE_PENDING_CONFIRMATION":
                    case 1:
                        message.state = 1;
                        break;
                    case "ORDER_STATE_CONFIRMED":
                    case 2:
                        message.state = 2;
                        break;
                    case "ORDER_STATE_EXPIRED":
                    case 3:
                        message.state = 3;
                        break;
                    case "ORDER_STATE_REJECTED_BY_USER":
                    case 4:
                        message.state = 4;
                        break;
                    case "ORDER_STATE_RISK_REJECTED":
                    case 5:
                        message.state = 5;
                        break;
                    case "ORDER_STATE_SUBMITTED":
                    case 6:
                        message.state = 6;
                        break;
                    case "ORDER_STATE_FILLED":
                    case 7:
                        message.state = 7;
                        break;
                    case "ORDER_STATE_REJECTED":
                    case 8:
                        message.state = 8;
                        break;
                    case "ORDER_STATE_CANCELLED":
                    case 9:
                        message.state = 9;
                        break;
                    default:
                        if (typeof object.state === "number" && (object.state | 0) === object.state)
                            message.state = object.state;
                    }
                if (object.side !== 0 && (typeof object.side !== "string" || $root.pipstream.v1.Side[object.side] !== 0))
                    switch (object.side) {
                    case "SIDE_UNSPECIFIED":
                    case 0:
                        message.side = 0;
                        break;
                    case "SIDE_BUY":
                    case 1:
                        message.side = 1;
                        break;
                    case "SIDE_SELL":
                    case 2:
                        message.side = 2;
                        break;
                    default:
                        if (typeof object.side === "number" && (object.side | 0) === object.side)
                            message.side = object.side;
                    }
                if (object.units != null)
                    if (typeof object.units === "object" ? object.units.low || object.units.high : $Number(object.units) !== 0)
                        if ($util.Long)
                            message.units = $util.Long.fromValue(object.units, false);
                        else if (typeof object.units === "string")
                            message.units = $parseInt(object.units, 10);
                        else if (typeof object.units === "number")
                            message.units = object.units;
                        else if (typeof object.units === "object")
                            message.units = new $util.LongBits(object.units.low >>> 0, object.units.high >>> 0).toNumber();
                if (object.timeMs != null)
                    if (!$Object.is($Number(object.timeMs), 0))
                        message.timeMs = $Number(object.timeMs);
                if (object.broker != null)
                    if (typeof object.broker !== "string" || object.broker.length)
                        message.broker = $String(object.broker);
                if (object.price != null)
                    message.price = $Number(object.price);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.riskLimit != null)
                    message.riskLimit = $Number(object.riskLimit);
                if (object.riskValue != null)
                    message.riskValue = $Number(object.riskValue);
                if (object.stopLossPrice != null)
                    message.stopLossPrice = $Number(object.stopLossPrice);
                if (object.takeProfitPrice != null)
                    message.takeProfitPrice = $Number(object.takeProfitPrice);
                if (object.slippagePips != null)
                    message.slippagePips = $Number(object.slippagePips);
                if (object.bid != null)
                    if (!$Object.is($Number(object.bid), 0))
                        message.bid = $Number(object.bid);
                if (object.ask != null)
                    if (!$Object.is($Number(object.ask), 0))
                        message.ask = $Number(object.ask);
                if (object.expiresMs != null)
                    message.expiresMs = $Number(object.expiresMs);
                if (object.workflowId != null)
                    if (typeof object.workflowId !== "string" || object.workflowId.length)
                        message.workflowId = $String(object.workflowId);
                if (object.workflowVersion != null)
                    if ($Number(object.workflowVersion) !== 0)
                        message.workflowVersion = object.workflowVersion >>> 0;
                if (object.stopLossPips != null)
                    message.stopLossPips = $Number(object.stopLossPips);
                if (object.takeProfitPips != null)
                    message.takeProfitPips = $Number(object.takeProfitPips);
                if (object.brokerTransactionId != null)
                    if (typeof object.brokerTransactionId !== "string" || object.brokerTransactionId.length)
                        message.brokerTransactionId = $String(object.brokerTransactionId);
                return message;
            };

            /**
             * Creates a plain object from an OrderUpdate message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.OrderUpdate
             * @static
             * @param {pipstream.v1.OrderUpdate} message OrderUpdate
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            OrderUpdate.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.orderId = "";
                    object.signalId = "";
                    object.account = "";
                    object.instrument = "";
                    object.state = options.enums === $String ? "ORDER_STATE_UNSPECIFIED" : 0;
                    object.side = options.enums === $String ? "SIDE_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.units = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.units = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.timeMs = 0;
                    object.broker = "";
                    object.reason = "";
                    object.bid = 0;
                    object.ask = 0;
                    object.workflowId = "";
                    object.workflowVersion = 0;
                    object.brokerTransactionId = "";
                }
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    object.orderId = message.orderId;
                if (message.signalId != null && $Object.hasOwnProperty.call(message, "signalId"))
                    object.signalId = message.signalId;
                if (message.account != null && $Object.hasOwnProperty.call(message, "account"))
                    object.account = message.account;
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    object.instrument = message.instrument;
                if (message.state != null && $Object.hasOwnProperty.call(message, "state"))
                    object.state = options.enums === $String ? $root.pipstream.v1.OrderState[message.state] === $undefined ? message.state : $root.pipstream.v1.OrderState[message.state] : message.state;
                if (message.side != null && $Object.hasOwnProperty.call(message, "side"))
                    object.side = options.enums === $String ? $root.pipstream.v1.Side[message.side] === $undefined ? message.side : $root.pipstream.v1.Side[message.side] : message.side;
                if (message.units != null && $Object.hasOwnProperty.call(message, "units"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.units = typeof message.units === "number" ? $BigInt(message.units) : $util.Long.fromBits(message.units.low >>> 0, message.units.high >>> 0, false).toBigInt();
                    else if (typeof message.units === "number")
                        object.units = options.longs === $String ? $String(message.units) : message.units;
                    else
                        object.units = options.longs === $String ? $util.Long.prototype.toString.call(message.units) : options.longs === $Number ? new $util.LongBits(message.units.low >>> 0, message.units.high >>> 0).toNumber() : message.units;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    object.timeMs = options.json && !$isFinite(message.timeMs) ? $String(message.timeMs) : message.timeMs;
                if (message.broker != null && $Object.hasOwnProperty.call(message, "broker"))
                    object.broker = message.broker;
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    object.price = options.json && !$isFinite(message.price) ? $String(message.price) : message.price;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.riskLimit != null && $Object.hasOwnProperty.call(message, "riskLimit"))
                    object.riskLimit = options.json && !$isFinite(message.riskLimit) ? $String(message.riskLimit) : message.riskLimit;
                if (message.riskValue != null && $Object.hasOwnProperty.call(message, "riskValue"))
                    object.riskValue = options.json && !$isFinite(message.riskValue) ? $String(message.riskValue) : message.riskValue;
                if (message.stopLossPrice != null && $Object.hasOwnProperty.call(message, "stopLossPrice"))
                    object.stopLossPrice = options.json && !$isFinite(message.stopLossPrice) ? $String(message.stopLossPrice) : message.stopLossPrice;
                if (message.takeProfitPrice != null && $Object.hasOwnProperty.call(message, "takeProfitPrice"))
                    object.takeProfitPrice = options.json && !$isFinite(message.takeProfitPrice) ? $String(message.takeProfitPrice) : message.takeProfitPrice;
                if (message.slippagePips != null && $Object.hasOwnProperty.call(message, "slippagePips"))
                    object.slippagePips = options.json && !$isFinite(message.slippagePips) ? $String(message.slippagePips) : message.slippagePips;
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid"))
                    object.bid = options.json && !$isFinite(message.bid) ? $String(message.bid) : message.bid;
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask"))
                    object.ask = options.json && !$isFinite(message.ask) ? $String(message.ask) : message.ask;
                if (message.expiresMs != null && $Object.hasOwnProperty.call(message, "expiresMs"))
                    object.expiresMs = options.json && !$isFinite(message.expiresMs) ? $String(message.expiresMs) : message.expiresMs;
                if (message.workflowId != null && $Object.hasOwnProperty.call(message, "workflowId"))
                    object.workflowId = message.workflowId;
                if (message.workflowVersion != null && $Object.hasOwnProperty.call(message, "workflowVersion"))
                    object.workflowVersion = message.workflowVersion;
                if (message.stopLossPips != null && $Object.hasOwnProperty.call(message, "stopLossPips"))
                    object.stopLossPips = options.json && !$isFinite(message.stopLossPips) ? $String(message.stopLossPips) : message.stopLossPips;
                if (message.takeProfitPips != null && $Object.hasOwnProperty.call(message, "takeProfitPips"))
                    object.takeProfitPips = options.json && !$isFinite(message.takeProfitPips) ? $String(message.takeProfitPips) : message.takeProfitPips;
                if (message.brokerTransactionId != null && $Object.hasOwnProperty.call(message, "brokerTransactionId"))
                    object.brokerTransactionId = message.brokerTransactionId;
                return object;
            };

            /**
             * Converts this OrderUpdate to JSON.
             * @function toJSON
             * @memberof pipstream.v1.OrderUpdate
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            OrderUpdate.prototype.toJSON = function() {
                return OrderUpdate.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for OrderUpdate
             * @function getTypeUrl
             * @memberof pipstream.v1.OrderUpdate
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            OrderUpdate.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.OrderUpdate";
            };

            return OrderUpdate;
        })();

        /**
         * Side enum.
         * @name pipstream.v1.Side
         * @enum {number}
         * @property {number} SIDE_UNSPECIFIED=0 SIDE_UNSPECIFIED value
         * @property {number} SIDE_BUY=1 SIDE_BUY value
         * @property {number} SIDE_SELL=2 SIDE_SELL value
         */
        v1.Side = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "SIDE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "SIDE_BUY"] = 1;
            values[valuesById[2] = "SIDE_SELL"] = 2;
            return values;
        })();

        v1.Signal = (function() {

            /**
             * Properties of a Signal.
             * @typedef {Object} pipstream.v1.Signal.$Properties
             * @property {string|null} [id] Signal id
             * @property {string|null} [account] Signal account
             * @property {string|null} [workflowId] Signal workflowId
             * @property {number|null} [workflowVersion] Signal workflowVersion
             * @property {string|null} [nodeId] Signal nodeId
             * @property {string|null} [triggerNodeId] Signal triggerNodeId
             * @property {string|null} [instrument] Signal instrument
             * @property {pipstream.v1.SignalMode|null} [mode] Signal mode
             * @property {number|null} [timeMs] Signal timeMs
             * @property {number|null} [price] Signal price
             * @property {number|null} [bid] Signal bid
             * @property {number|null} [ask] Signal ask
             * @property {pipstream.v1.Side|null} [side] Signal side
             * @property {number|null} [units] Signal units
             * @property {number|null} [stopLossPips] Signal stopLossPips
             * @property {number|null} [takeProfitPips] Signal takeProfitPips
             * @property {number|null} [tickSeq] Signal tickSeq
             * @property {number|null} [expiryS] Signal expiryS
             * @property {boolean|null} [tradeable] Signal tradeable
             * @property {pipstream.v1.InstrumentRiskCheck.$Properties|null} [riskCheck] Signal riskCheck
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Signal.
             * @memberof pipstream.v1
             * @interface ISignal
             * @augments pipstream.v1.Signal.$Properties
             * @deprecated Use pipstream.v1.Signal.$Properties instead.
             */

            /**
             * Shape of a Signal.
             * @typedef {pipstream.v1.Signal.$Properties} pipstream.v1.Signal.$Shape
             */

            /**
             * Constructs a new Signal.
             * @memberof pipstream.v1
             * @classdesc Represents a Signal.
             * @constructor
             * @param {pipstream.v1.Signal.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Signal = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Signal id.
             * @member {string} id
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.id = "";

            /**
             * Signal account.
             * @member {string} account
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.account = "";

            /**
             * Signal workflowId.
             * @member {string} workflowId
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.workflowId = "";

            /**
             * Signal workflowVersion.
             * @member {number} workflowVersion
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.workflowVersion = 0;

            /**
             * Signal nodeId.
             * @member {string} nodeId
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.nodeId = "";

            /**
             * Signal triggerNodeId.
             * @member {string} triggerNodeId
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.triggerNodeId = "";

            /**
             * Signal instrument.
             * @member {string} instrument
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.instrument = "";

            /**
             * Signal mode.
             * @member {pipstream.v1.SignalMode} mode
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.mode = 0;

            /**
             * Signal timeMs.
             * @member {number} timeMs
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.timeMs = 0;

            /**
             * Signal price.
             * @member {number} price
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.price = 0;

            /**
             * Signal bid.
             * @member {number} bid
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.bid = 0;

            /**
             * Signal ask.
             * @member {number} ask
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.ask = 0;

            /**
             * Signal side.
             * @member {pipstream.v1.Side} side
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.side = 0;

            /**
             * Signal units.
             * @member {number} units
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.units = 0;

            /**
             * Signal stopLossPips.
             * @member {number} stopLossPips
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.stopLossPips = 0;

            /**
             * Signal takeProfitPips.
             * @member {number} takeProfitPips
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.takeProfitPips = 0;

            /**
             * Signal tickSeq.
             * @member {number} tickSeq
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.tickSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Signal expiryS.
             * @member {number|null|undefined} expiryS
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.expiryS = null;

            /**
             * Signal tradeable.
             * @member {boolean} tradeable
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.tradeable = false;

            /**
             * Signal riskCheck.
             * @member {pipstream.v1.InstrumentRiskCheck.$Properties|null|undefined} riskCheck
             * @memberof pipstream.v1.Signal
             * @instance
             */
            Signal.prototype.riskCheck = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Signal.prototype, "_expiryS", {
                get: $util.oneOfGetter($oneOfFields = ["expiryS"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Signal.prototype, "_riskCheck", {
                get: $util.oneOfGetter($oneOfFields = ["riskCheck"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Signal instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.Signal
             * @static
             * @param {pipstream.v1.Signal.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.Signal} Signal instance
             * @type {{
             *   (properties: pipstream.v1.Signal.$Shape): pipstream.v1.Signal & pipstream.v1.Signal.$Shape;
             *   (properties?: pipstream.v1.Signal.$Properties): pipstream.v1.Signal;
             * }}
             */
            Signal.create = function(properties) {
                return new Signal(properties);
            };

            /**
             * Encodes the specified Signal message. Does not implicitly {@link pipstream.v1.Signal.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.Signal
             * @static
             * @param {pipstream.v1.Signal.$Properties} message Signal message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Signal.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.account);
                if (message.workflowId != null && $Object.hasOwnProperty.call(message, "workflowId") && message.workflowId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.workflowId);
                if (message.workflowVersion != null && $Object.hasOwnProperty.call(message, "workflowVersion") && message.workflowVersion !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.workflowVersion);
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId") && message.nodeId !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.nodeId);
                if (message.triggerNodeId != null && $Object.hasOwnProperty.call(message, "triggerNodeId") && message.triggerNodeId !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.triggerNodeId);
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument") && message.instrument !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.instrument);
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode") && message.mode !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).int32(message.mode);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && !$Object.is(message.timeMs, 0))
                    writer.uint32(/* id 9, wireType 1 =*/73).double(message.timeMs);
                if (message.price != null && $Object.hasOwnProperty.call(message, "price") && !$Object.is(message.price, 0))
                    writer.uint32(/* id 10, wireType 1 =*/81).double(message.price);
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid") && !$Object.is(message.bid, 0))
                    writer.uint32(/* id 11, wireType 1 =*/89).double(message.bid);
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask") && !$Object.is(message.ask, 0))
                    writer.uint32(/* id 12, wireType 1 =*/97).double(message.ask);
                if (message.side != null && $Object.hasOwnProperty.call(message, "side") && message.side !== 0)
                    writer.uint32(/* id 13, wireType 0 =*/104).int32(message.side);
                if (message.units != null && $Object.hasOwnProperty.call(message, "units") && !$Object.is(message.units, 0))
                    writer.uint32(/* id 14, wireType 1 =*/113).double(message.units);
                if (message.stopLossPips != null && $Object.hasOwnProperty.call(message, "stopLossPips") && !$Object.is(message.stopLossPips, 0))
                    writer.uint32(/* id 15, wireType 1 =*/121).double(message.stopLossPips);
                if (message.takeProfitPips != null && $Object.hasOwnProperty.call(message, "takeProfitPips") && !$Object.is(message.takeProfitPips, 0))
                    writer.uint32(/* id 16, wireType 1 =*/129).double(message.takeProfitPips);
                if (message.tickSeq != null && $Object.hasOwnProperty.call(message, "tickSeq") && (typeof message.tickSeq === "object" ? message.tickSeq.low || message.tickSeq.high : message.tickSeq !== 0))
                    writer.uint32(/* id 17, wireType 0 =*/136).uint64(message.tickSeq);
                if (message.expiryS != null && $Object.hasOwnProperty.call(message, "expiryS"))
                    writer.uint32(/* id 18, wireType 1 =*/145).double(message.expiryS);
                if (message.tradeable != null && $Object.hasOwnProperty.call(message, "tradeable") && message.tradeable !== false)
                    writer.uint32(/* id 19, wireType 0 =*/152).bool(message.tradeable);
                if (message.riskCheck != null && $Object.hasOwnProperty.call(message, "riskCheck"))
                    $root.pipstream.v1.InstrumentRiskCheck.encode(message.riskCheck, writer.uint32(/* id 20, wireType 2 =*/162).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Signal message, length delimited. Does not implicitly {@link pipstream.v1.Signal.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.Signal
             * @static
             * @param {pipstream.v1.Signal.$Properties} message Signal message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Signal.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Signal message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.Signal
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.Signal & pipstream.v1.Signal.$Shape} Signal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Signal.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.Signal();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.account = value;
                            else
                                delete message.account;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.workflowId = value;
                            else
                                delete message.workflowId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.workflowVersion = value;
                            else
                                delete message.workflowVersion;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.nodeId = value;
                            else
                                delete message.nodeId;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.triggerNodeId = value;
                            else
                                delete message.triggerNodeId;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instrument = value;
                            else
                                delete message.instrument;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.mode = value;
                            else
                                delete message.mode;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.price = value;
                            else
                                delete message.price;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.bid = value;
                            else
                                delete message.bid;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.ask = value;
                            else
                                delete message.ask;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.side = value;
                            else
                                delete message.side;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.units = value;
                            else
                                delete message.units;
                            continue;
                        }
                    case 15: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.stopLossPips = value;
                            else
                                delete message.stopLossPips;
                            continue;
                        }
                    case 16: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.takeProfitPips = value;
                            else
                                delete message.takeProfitPips;
                            continue;
                        }
                    case 17: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.tickSeq = value;
                            else
                                delete message.tickSeq;
                            continue;
                        }
                    case 18: {
                            if (wireType !== 1)
                                break;
                            message.expiryS = reader.double();
                            message._expiryS = "expiryS";
                            continue;
                        }
                    case 19: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.tradeable = value;
                            else
                                delete message.tradeable;
                            continue;
                        }
                    case 20: {
                            if (wireType !== 2)
                                break;
                            message.riskCheck = $root.pipstream.v1.InstrumentRiskCheck.decode(reader, reader.size(), $undefined, _depth + 1, message.riskCheck);
                            message._riskCheck = "riskCheck";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Signal message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.Signal
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.Signal & pipstream.v1.Signal.$Shape} Signal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Signal.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Signal message.
             * @function verify
             * @memberof pipstream.v1.Signal
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Signal.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    if (!$util.isString(message.id))
                        return "id: string expected";
                if (message.account != null && $Object.hasOwnProperty.call(message, "account"))
                    if (!$util.isString(message.account))
                        return "account: string expected";
                if (message.workflowId != null && $Object.hasOwnProperty.call(message, "workflowId"))
                    if (!$util.isString(message.workflowId))
                        return "workflowId: string expected";
                if (message.workflowVersion != null && $Object.hasOwnProperty.call(message, "workflowVersion"))
                    if (!$util.isInteger(message.workflowVersion))
                        return "workflowVersion: integer expected";
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId"))
                    if (!$util.isString(message.nodeId))
                        return "nodeId: string expected";
                if (message.triggerNodeId != null && $Object.hasOwnProperty.call(message, "triggerNodeId"))
                    if (!$util.isString(message.triggerNodeId))
                        return "triggerNodeId: string expected";
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    if (!$util.isString(message.instrument))
                        return "instrument: string expected";
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode"))
                    if (typeof message.mode !== "number" || (message.mode | 0) !== message.mode)
                        return "mode: enum value expected";
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof message.timeMs !== "number")
                        return "timeMs: number expected";
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    if (typeof message.price !== "number")
                        return "price: number expected";
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid"))
                    if (typeof message.bid !== "number")
                        return "bid: number expected";
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask"))
                    if (typeof message.ask !== "number")
                        return "ask: number expected";
                if (message.side != null && $Object.hasOwnProperty.call(message, "side"))
                    if (typeof message.side !== "number" || (message.side | 0) !== message.side)
                        return "side: enum value expected";
                if (message.units != null && $Object.hasOwnProperty.call(message, "units"))
                    if (typeof message.units !== "number")
                        return "units: number expected";
                if (message.stopLossPips != null && $Object.hasOwnProperty.call(message, "stopLossPips"))
                    if (typeof message.stopLossPips !== "number")
                        return "stopLossPips: number expected";
                if (message.takeProfitPips != null && $Object.hasOwnProperty.call(message, "takeProfitPips"))
                    if (typeof message.takeProfitPips !== "number")
                        return "takeProfitPips: number expected";
                if (message.tickSeq != null && $Object.hasOwnProperty.call(message, "tickSeq"))
                    if (!$util.isInteger(message.tickSeq) && !(message.tickSeq && $util.isInteger(message.tickSeq.low) && $util.isInteger(message.tickSeq.high)))
                        return "tickSeq: integer|Long expected";
                if (message.expiryS != null && $Object.hasOwnProperty.call(message, "expiryS")) {
                    properties._expiryS = 1;
                    if (typeof message.expiryS !== "number")
                        return "expiryS: number expected";
                }
                if (message.tradeable != null && $Object.hasOwnProperty.call(message, "tradeable"))
                    if (typeof message.tradeable !== "boolean")
                        return "tradeable: boolean expected";
                if (message.riskCheck != null && $Object.hasOwnProperty.call(message, "riskCheck")) {
                    properties._riskCheck = 1;
                    {
                        let error = $root.pipstream.v1.InstrumentRiskCheck.verify(message.riskCheck, _depth + 1);
                        if (error)
                            return "riskCheck." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a Signal message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.Signal
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.Signal} Signal
             */
            Signal.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.Signal)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.Signal: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.Signal();
                if (object.id != null)
                    if (typeof object.id !== "string" || object.id.length)
                        message.id = $String(object.id);
                if (object.account != null)
                    if (typeof object.account !== "string" || object.account.length)
                        message.account = $String(object.account);
                if (object.workflowId != null)
                    if (typeof object.workflowId !== "string" || object.workflowId.length)
                        message.workflowId = $String(object.workflowId);
                if (object.workflowVersion != null)
                    if ($Number(object.workflowVersion) !== 0)
                        message.workflowVersion = object.workflowVersion >>> 0;
                if (object.nodeId != null)
                    if (typeof object.nodeId !== "string" || object.nodeId.length)
                        message.nodeId = $String(object.nodeId);
                if (object.triggerNodeId != null)
                    if (typeof object.triggerNodeId !== "string" || object.triggerNodeId.length)
                        message.triggerNodeId = $String(object.triggerNodeId);
                if (object.instrument != null)
                    if (typeof object.instrument !== "string" || object.instrument.length)
                        message.instrument = $String(object.instrument);
                if (object.mode !== 0 && (typeof object.mode !== "string" || $root.pipstream.v1.SignalMode[object.mode] !== 0))
                    switch (object.mode) {
                    case "SIGNAL_MODE_UNSPECIFIED":
                    case 0:
                        message.mode = 0;
                        break;
                    case "SIGNAL_ALERT":
                    case 1:
                        message.mode = 1;
                        break;
                    case "SIGNAL_PENDING_CONFIRMATION":
                    case 2:
                        message.mode = 2;
                        break;
                    case "SIGNAL_AUTO_EXECUTE":
                    case 3:
                        message.mode = 3;
                        break;
                    default:
                        if (typeof object.mode === "number" && (object.mode | 0) === object.mode)
                            message.mode = object.mode;
                    }
                if (object.timeMs != null)
                    if (!$Object.is($Number(object.timeMs), 0))
                        message.timeMs = $Number(object.timeMs);
                if (object.price != null)
                    if (!$Object.is($Number(object.price), 0))
                        message.price = $Number(object.price);
                if (object.bid != null)
                    if (!$Object.is($Number(object.bid), 0))
                        message.bid = $Number(object.bid);
                if (object.ask != null)
                    if (!$Object.is($Number(object.ask), 0))
                        message.ask = $Number(object.ask);
                if (object.side !== 0 && (typeof object.side !== "string" || $root.pipstream.v1.Side[object.side] !== 0))
                    switch (object.side) {
                    case "SIDE_UNSPECIFIED":
                    case 0:
                        message.side = 0;
                        break;
                    case "SIDE_BUY":
                    case 1:
                        message.side = 1;
                        break;
                    case "SIDE_SELL":
                    case 2:
                        message.side = 2;
                        break;
                    default:
                        if (typeof object.side === "number" && (object.side | 0) === object.side)
                            message.side = object.side;
                    }
                if (object.units != null)
                    if (!$Object.is($Number(object.units), 0))
                        message.units = $Number(object.units);
                if (object.stopLossPips != null)
                    if (!$Object.is($Number(object.stopLossPips), 0))
                        message.stopLossPips = $Number(object.stopLossPips);
                if (object.takeProfitPips != null)
                    if (!$Object.is($Number(object.takeProfitPips), 0))
                        message.takeProfitPips = $Number(object.takeProfitPips);
                if (object.tickSeq != null)
                    if (typeof object.tickSeq === "object" ? object.tickSeq.low || object.tickSeq.high : $Number(object.tickSeq) !== 0)
                        if ($util.Long)
                            message.tickSeq = $util.Long.fromValue(object.tickSeq, true);
                        else if (typeof object.tickSeq === "string")
                            message.tickSeq = $parseInt(object.tickSeq, 10);
                        else if (typeof object.tickSeq === "number")
                            message.tickSeq = object.tickSeq;
                        else if (typeof object.tickSeq === "object")
                            message.tickSeq = new $util.LongBits(object.tickSeq.low >>> 0, object.tickSeq.high >>> 0).toNumber(true);
                if (object.expiryS != null)
                    message.expiryS = $Number(object.expiryS);
                if (object.tradeable != null)
                    if (object.tradeable)
                        message.tradeable = $Boolean(object.tradeable);
                if (object.riskCheck != null) {
                    if (!$util.isObject(object.riskCheck))
                        throw $TypeError(".pipstream.v1.Signal.riskCheck: object expected");
                    message.riskCheck = $root.pipstream.v1.InstrumentRiskCheck.fromObject(object.riskCheck, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a Signal message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.Signal
             * @static
             * @param {pipstream.v1.Signal} message Signal
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Signal.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.id = "";
                    object.account = "";
                    object.workflowId = "";
                    object.workflowVersion = 0;
                    object.nodeId = "";
                    object.triggerNodeId = "";
                    object.instrument = "";
                    object.mode = options.enums === $String ? "SIGNAL_MODE_UNSPECIFIED" : 0;
                    object.timeMs = 0;
                    object.price = 0;
                    object.bid = 0;
                    object.ask = 0;
                    object.side = options.enums === $String ? "SIDE_UNSPECIFIED" : 0;
                    object.units = 0;
                    object.stopLossPips = 0;
                    object.takeProfitPips = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.tickSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.tickSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.tradeable = false;
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.account != null && $Object.hasOwnProperty.call(message, "account"))
                    object.account = message.account;
                if (message.workflowId != null && $Object.hasOwnProperty.call(message, "workflowId"))
                    object.workflowId = message.workflowId;
                if (message.workflowVersion != null && $Object.hasOwnProperty.call(message, "workflowVersion"))
                    object.workflowVersion = message.workflowVersion;
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId"))
                    object.nodeId = message.nodeId;
                if (message.triggerNodeId != null && $Object.hasOwnProperty.call(message, "triggerNodeId"))
                    object.triggerNodeId = message.triggerNodeId;
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    object.instrument = message.instrument;
                if (message.mode != null && $Object.hasOwnProperty.call(message, "mode"))
                    object.mode = options.enums === $String ? $root.pipstream.v1.SignalMode[message.mode] === $undefined ? message.mode : $root.pipstream.v1.SignalMode[message.mode] : message.mode;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    object.timeMs = options.json && !$isFinite(message.timeMs) ? $String(message.timeMs) : message.timeMs;
                if (message.price != null && $Object.hasOwnProperty.call(message, "price"))
                    object.price = options.json && !$isFinite(message.price) ? $String(message.price) : message.price;
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid"))
                    object.bid = options.json && !$isFinite(message.bid) ? $String(message.bid) : message.bid;
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask"))
                    object.ask = options.json && !$isFinite(message.ask) ? $String(message.ask) : message.ask;
                if (message.side != null && $Object.hasOwnProperty.call(message, "side"))
                    object.side = options.enums === $String ? $root.pipstream.v1.Side[message.side] === $undefined ? message.side : $root.pipstream.v1.Side[message.side] : message.side;
                if (message.units != null && $Object.hasOwnProperty.call(message, "units"))
                    object.units = options.json && !$isFinite(message.units) ? $String(message.units) : message.units;
                if (message.stopLossPips != null && $Object.hasOwnProperty.call(message, "stopLossPips"))
                    object.stopLossPips = options.json && !$isFinite(message.stopLossPips) ? $String(message.stopLossPips) : message.stopLossPips;
                if (message.takeProfitPips != null && $Object.hasOwnProperty.call(message, "takeProfitPips"))
                    object.takeProfitPips = options.json && !$isFinite(message.takeProfitPips) ? $String(message.takeProfitPips) : message.takeProfitPips;
                if (message.tickSeq != null && $Object.hasOwnProperty.call(message, "tickSeq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.tickSeq = typeof message.tickSeq === "number" ? $BigInt(message.tickSeq) : $util.Long.fromBits(message.tickSeq.low >>> 0, message.tickSeq.high >>> 0, true).toBigInt();
                    else if (typeof message.tickSeq === "number")
                        object.tickSeq = options.longs === $String ? $String(message.tickSeq) : message.tickSeq;
                    else
                        object.tickSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.tickSeq) : options.longs === $Number ? new $util.LongBits(message.tickSeq.low >>> 0, message.tickSeq.high >>> 0).toNumber(true) : message.tickSeq;
                if (message.expiryS != null && $Object.hasOwnProperty.call(message, "expiryS"))
                    object.expiryS = options.json && !$isFinite(message.expiryS) ? $String(message.expiryS) : message.expiryS;
                if (message.tradeable != null && $Object.hasOwnProperty.call(message, "tradeable"))
                    object.tradeable = message.tradeable;
                if (message.riskCheck != null && $Object.hasOwnProperty.call(message, "riskCheck"))
                    object.riskCheck = $root.pipstream.v1.InstrumentRiskCheck.toObject(message.riskCheck, options, _depth + 1);
                return object;
            };

            /**
             * Converts this Signal to JSON.
             * @function toJSON
             * @memberof pipstream.v1.Signal
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Signal.prototype.toJSON = function() {
                return Signal.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Signal
             * @function getTypeUrl
             * @memberof pipstream.v1.Signal
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Signal.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.Signal";
            };

            return Signal;
        })();

        v1.InstrumentRiskCheck = (function() {

            /**
             * Properties of an InstrumentRiskCheck.
             * @typedef {Object} pipstream.v1.InstrumentRiskCheck.$Properties
             * @property {boolean|null} [approved] InstrumentRiskCheck approved
             * @property {string|null} [reason] InstrumentRiskCheck reason
             * @property {number|null} [limit] InstrumentRiskCheck limit
             * @property {number|null} [value] InstrumentRiskCheck value
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an InstrumentRiskCheck.
             * @memberof pipstream.v1
             * @interface IInstrumentRiskCheck
             * @augments pipstream.v1.InstrumentRiskCheck.$Properties
             * @deprecated Use pipstream.v1.InstrumentRiskCheck.$Properties instead.
             */

            /**
             * Shape of an InstrumentRiskCheck.
             * @typedef {pipstream.v1.InstrumentRiskCheck.$Properties} pipstream.v1.InstrumentRiskCheck.$Shape
             */

            /**
             * Constructs a new InstrumentRiskCheck.
             * @memberof pipstream.v1
             * @classdesc Represents an InstrumentRiskCheck.
             * @constructor
             * @param {pipstream.v1.InstrumentRiskCheck.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const InstrumentRiskCheck = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * InstrumentRiskCheck approved.
             * @member {boolean} approved
             * @memberof pipstream.v1.InstrumentRiskCheck
             * @instance
             */
            InstrumentRiskCheck.prototype.approved = false;

            /**
             * InstrumentRiskCheck reason.
             * @member {string} reason
             * @memberof pipstream.v1.InstrumentRiskCheck
             * @instance
             */
            InstrumentRiskCheck.prototype.reason = "";

            /**
             * InstrumentRiskCheck limit.
             * @member {number|null|undefined} limit
             * @memberof pipstream.v1.InstrumentRiskCheck
             * @instance
             */
            InstrumentRiskCheck.prototype.limit = null;

            /**
             * InstrumentRiskCheck value.
             * @member {number|null|undefined} value
             * @memberof pipstream.v1.InstrumentRiskCheck
             * @instance
             */
            InstrumentRiskCheck.prototype.value = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(InstrumentRiskCheck.prototype, "_limit", {
                get: $util.oneOfGetter($oneOfFields = ["limit"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(InstrumentRiskCheck.prototype, "_value", {
                get: $util.oneOfGetter($oneOfFields = ["value"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new InstrumentRiskCheck instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.InstrumentRiskCheck
             * @static
             * @param {pipstream.v1.InstrumentRiskCheck.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.InstrumentRiskCheck} InstrumentRiskCheck instance
             * @type {{
             *   (properties: pipstream.v1.InstrumentRiskCheck.$Shape): pipstream.v1.InstrumentRiskCheck & pipstream.v1.InstrumentRiskCheck.$Shape;
             *   (properties?: pipstream.v1.InstrumentRiskCheck.$Properties): pipstream.v1.InstrumentRiskCheck;
             * }}
             */
            InstrumentRiskCheck.create = function(properties) {
                return new InstrumentRiskCheck(properties);
            };

            /**
             * Encodes the specified InstrumentRiskCheck message. Does not implicitly {@link pipstream.v1.InstrumentRiskCheck.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.InstrumentRiskCheck
             * @static
             * @param {pipstream.v1.InstrumentRiskCheck.$Properties} message InstrumentRiskCheck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstrumentRiskCheck.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.approved != null && $Object.hasOwnProperty.call(message, "approved") && message.approved !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.approved);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reason);
                if (message.limit != null && $Object.hasOwnProperty.call(message, "limit"))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.limit);
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.value);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified InstrumentRiskCheck message, length delimited. Does not implicitly {@link pipstream.v1.InstrumentRiskCheck.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.InstrumentRiskCheck
             * @static
             * @param {pipstream.v1.InstrumentRiskCheck.$Properties} message InstrumentRiskCheck message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            InstrumentRiskCheck.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an InstrumentRiskCheck message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.InstrumentRiskCheck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.InstrumentRiskCheck & pipstream.v1.InstrumentRiskCheck.$Shape} InstrumentRiskCheck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstrumentRiskCheck.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.InstrumentRiskCheck();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.approved = value;
                            else
                                delete message.approved;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            message.limit = reader.double();
                            message._limit = "limit";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            message.value = reader.double();
                            message._value = "value";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an InstrumentRiskCheck message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.InstrumentRiskCheck
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.InstrumentRiskCheck & pipstream.v1.InstrumentRiskCheck.$Shape} InstrumentRiskCheck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            InstrumentRiskCheck.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an InstrumentRiskCheck message.
             * @function verify
             * @memberof pipstream.v1.InstrumentRiskCheck
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            InstrumentRiskCheck.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.approved != null && $Object.hasOwnProperty.call(message, "approved"))
                    if (typeof message.approved !== "boolean")
                        return "approved: boolean expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                if (message.limit != null && $Object.hasOwnProperty.call(message, "limit")) {
                    properties._limit = 1;
                    if (typeof message.limit !== "number")
                        return "limit: number expected";
                }
                if (message.value != null && $Object.hasOwnProperty.call(message, "value")) {
                    properties._value = 1;
                    if (typeof message.value !== "number")
                        return "value: number expected";
                }
                return null;
            };

            /**
             * Creates an InstrumentRiskCheck message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.InstrumentRiskCheck
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.InstrumentRiskCheck} InstrumentRiskCheck
             */
            InstrumentRiskCheck.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.InstrumentRiskCheck)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.InstrumentRiskCheck: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.InstrumentRiskCheck();
                if (object.approved != null)
                    if (object.approved)
                        message.approved = $Boolean(object.approved);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.limit != null)
                    message.limit = $Number(object.limit);
                if (object.value != null)
                    message.value = $Number(object.value);
                return message;
            };

            /**
             * Creates a plain object from an InstrumentRiskCheck message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.InstrumentRiskCheck
             * @static
             * @param {pipstream.v1.InstrumentRiskCheck} message InstrumentRiskCheck
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            InstrumentRiskCheck.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.approved = false;
                    object.reason = "";
                }
                if (message.approved != null && $Object.hasOwnProperty.call(message, "approved"))
                    object.approved = message.approved;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.limit != null && $Object.hasOwnProperty.call(message, "limit"))
                    object.limit = options.json && !$isFinite(message.limit) ? $String(message.limit) : message.limit;
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    object.value = options.json && !$isFinite(message.value) ? $String(message.value) : message.value;
                return object;
            };

            /**
             * Converts this InstrumentRiskCheck to JSON.
             * @function toJSON
             * @memberof pipstream.v1.InstrumentRiskCheck
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            InstrumentRiskCheck.prototype.toJSON = function() {
                return InstrumentRiskCheck.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for InstrumentRiskCheck
             * @function getTypeUrl
             * @memberof pipstream.v1.InstrumentRiskCheck
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            InstrumentRiskCheck.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.InstrumentRiskCheck";
            };

            return InstrumentRiskCheck;
        })();

        /**
         * SignalMode enum.
         * @name pipstream.v1.SignalMode
         * @enum {number}
         * @property {number} SIGNAL_MODE_UNSPECIFIED=0 SIGNAL_MODE_UNSPECIFIED value
         * @property {number} SIGNAL_ALERT=1 SIGNAL_ALERT value
         * @property {number} SIGNAL_PENDING_CONFIRMATION=2 SIGNAL_PENDING_CONFIRMATION value
         * @property {number} SIGNAL_AUTO_EXECUTE=3 SIGNAL_AUTO_EXECUTE value
         */
        v1.SignalMode = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "SIGNAL_MODE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "SIGNAL_ALERT"] = 1;
            values[valuesById[2] = "SIGNAL_PENDING_CONFIRMATION"] = 2;
            values[valuesById[3] = "SIGNAL_AUTO_EXECUTE"] = 3;
            return values;
        })();

        v1.PositionUpdate = (function() {

            /**
             * Properties of a PositionUpdate.
             * @typedef {Object} pipstream.v1.PositionUpdate.$Properties
             * @property {string|null} [account] PositionUpdate account
             * @property {string|null} [instrument] PositionUpdate instrument
             * @property {string|null} [orderId] PositionUpdate orderId
             * @property {number|null} [units] PositionUpdate units
             * @property {number|null} [avgPrice] PositionUpdate avgPrice
             * @property {number|null} [realized] PositionUpdate realized
             * @property {number|null} [timeMs] PositionUpdate timeMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PositionUpdate.
             * @memberof pipstream.v1
             * @interface IPositionUpdate
             * @augments pipstream.v1.PositionUpdate.$Properties
             * @deprecated Use pipstream.v1.PositionUpdate.$Properties instead.
             */

            /**
             * Shape of a PositionUpdate.
             * @typedef {pipstream.v1.PositionUpdate.$Properties} pipstream.v1.PositionUpdate.$Shape
             */

            /**
             * Constructs a new PositionUpdate.
             * @memberof pipstream.v1
             * @classdesc Represents a PositionUpdate.
             * @constructor
             * @param {pipstream.v1.PositionUpdate.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PositionUpdate = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PositionUpdate account.
             * @member {string} account
             * @memberof pipstream.v1.PositionUpdate
             * @instance
             */
            PositionUpdate.prototype.account = "";

            /**
             * PositionUpdate instrument.
             * @member {string} instrument
             * @memberof pipstream.v1.PositionUpdate
             * @instance
             */
            PositionUpdate.prototype.instrument = "";

            /**
             * PositionUpdate orderId.
             * @member {string} orderId
             * @memberof pipstream.v1.PositionUpdate
             * @instance
             */
            PositionUpdate.prototype.orderId = "";

            /**
             * PositionUpdate units.
             * @member {number} units
             * @memberof pipstream.v1.PositionUpdate
             * @instance
             */
            PositionUpdate.prototype.units = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * PositionUpdate avgPrice.
             * @member {number} avgPrice
             * @memberof pipstream.v1.PositionUpdate
             * @instance
             */
            PositionUpdate.prototype.avgPrice = 0;

            /**
             * PositionUpdate realized.
             * @member {number} realized
             * @memberof pipstream.v1.PositionUpdate
             * @instance
             */
            PositionUpdate.prototype.realized = 0;

            /**
             * PositionUpdate timeMs.
             * @member {number} timeMs
             * @memberof pipstream.v1.PositionUpdate
             * @instance
             */
            PositionUpdate.prototype.timeMs = 0;

            /**
             * Creates a new PositionUpdate instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.PositionUpdate
             * @static
             * @param {pipstream.v1.PositionUpdate.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.PositionUpdate} PositionUpdate instance
             * @type {{
             *   (properties: pipstream.v1.PositionUpdate.$Shape): pipstream.v1.PositionUpdate & pipstream.v1.PositionUpdate.$Shape;
             *   (properties?: pipstream.v1.PositionUpdate.$Properties): pipstream.v1.PositionUpdate;
             * }}
             */
            PositionUpdate.create = function(properties) {
                return new PositionUpdate(properties);
            };

            /**
             * Encodes the specified PositionUpdate message. Does not implicitly {@link pipstream.v1.PositionUpdate.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.PositionUpdate
             * @static
             * @param {pipstream.v1.PositionUpdate.$Properties} message PositionUpdate message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PositionUpdate.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument") && message.instrument !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.instrument);
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && message.orderId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.orderId);
                if (message.units != null && $Object.hasOwnProperty.call(message, "units") && (typeof message.units === "object" ? message.units.low || message.units.high : message.units !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).int64(message.units);
                if (message.avgPrice != null && $Object.hasOwnProperty.call(message, "avgPrice") && !$Object.is(message.avgPrice, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.avgPrice);
                if (message.realized != null && $Object.hasOwnProperty.call(message, "realized") && !$Object.is(message.realized, 0))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.realized);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && !$Object.is(message.timeMs, 0))
                    writer.uint32(/* id 7, wireType 1 =*/57).double(message.timeMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified PositionUpdate message, length delimited. Does not implicitly {@link pipstream.v1.PositionUpdate.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.PositionUpdate
             * @static
             * @param {pipstream.v1.PositionUpdate.$Properties} message PositionUpdate message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PositionUpdate.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PositionUpdate message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.PositionUpdate
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.PositionUpdate & pipstream.v1.PositionUpdate.$Shape} PositionUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PositionUpdate.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.PositionUpdate();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.account = value;
                            else
                                delete message.account;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instrument = value;
                            else
                                delete message.instrument;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.orderId = value;
                            else
                                delete message.orderId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.units = value;
                            else
                                delete message.units;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.avgPrice = value;
                            else
                                delete message.avgPrice;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.realized = value;
                            else
                                delete message.realized;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a PositionUpdate message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.PositionUpdate
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.PositionUpdate & pipstream.v1.PositionUpdate.$Shape} PositionUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PositionUpdate.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PositionUpdate message.
             * @function verify
             * @memberof pipstream.v1.PositionUpdate
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PositionUpdate.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.account != null && $Object.hasOwnProperty.call(message, "account"))
                    if (!$util.isString(message.account))
                        return "account: string expected";
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    if (!$util.isString(message.instrument))
                        return "instrument: string expected";
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    if (!$util.isString(message.orderId))
                        return "orderId: string expected";
                if (message.units != null && $Object.hasOwnProperty.call(message, "units"))
                    if (!$util.isInteger(message.units) && !(message.units && $util.isInteger(message.units.low) && $util.isInteger(message.units.high)))
                        return "units: integer|Long expected";
                if (message.avgPrice != null && $Object.hasOwnProperty.call(message, "avgPrice"))
                    if (typeof message.avgPrice !== "number")
                        return "avgPrice: number expected";
                if (message.realized != null && $Object.hasOwnProperty.call(message, "realized"))
                    if (typeof message.realized !== "number")
                        return "realized: number expected";
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof message.timeMs !== "number")
                        return "timeMs: number expected";
                return null;
            };

            /**
             * Creates a PositionUpdate message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.PositionUpdate
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.PositionUpdate} PositionUpdate
             */
            PositionUpdate.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.PositionUpdate)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.PositionUpdate: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.PositionUpdate();
                if (object.account != null)
                    if (typeof object.account !== "string" || object.account.length)
                        message.account = $String(object.account);
                if (object.instrument != null)
                    if (typeof object.instrument !== "string" || object.instrument.length)
                        message.instrument = $String(object.instrument);
                if (object.orderId != null)
                    if (typeof object.orderId !== "string" || object.orderId.length)
                        message.orderId = $String(object.orderId);
                if (object.units != null)
                    if (typeof object.units === "object" ? object.units.low || object.units.high : $Number(object.units) !== 0)
                        if ($util.Long)
                            message.units = $util.Long.fromValue(object.units, false);
                        else if (typeof object.units === "string")
                            message.units = $parseInt(object.units, 10);
                        else if (typeof object.units === "number")
                            message.units = object.units;
                        else if (typeof object.units === "object")
                            message.units = new $util.LongBits(object.units.low >>> 0, object.units.high >>> 0).toNumber();
                if (object.avgPrice != null)
                    if (!$Object.is($Number(object.avgPrice), 0))
                        message.avgPrice = $Number(object.avgPrice);
                if (object.realized != null)
                    if (!$Object.is($Number(object.realized), 0))
                        message.realized = $Number(object.realized);
                if (object.timeMs != null)
                    if (!$Object.is($Number(object.timeMs), 0))
                        message.timeMs = $Number(object.timeMs);
                return message;
            };

            /**
             * Creates a plain object from a PositionUpdate message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.PositionUpdate
             * @static
             * @param {pipstream.v1.PositionUpdate} message PositionUpdate
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PositionUpdate.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.account = "";
                    object.instrument = "";
                    object.orderId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.units = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.units = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.avgPrice = 0;
                    object.realized = 0;
                    object.timeMs = 0;
                }
                if (message.account != null && $Object.hasOwnProperty.call(message, "account"))
                    object.account = message.account;
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    object.instrument = message.instrument;
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    object.orderId = message.orderId;
                if (message.units != null && $Object.hasOwnProperty.call(message, "units"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.units = typeof message.units === "number" ? $BigInt(message.units) : $util.Long.fromBits(message.units.low >>> 0, message.units.high >>> 0, false).toBigInt();
                    else if (typeof message.units === "number")
                        object.units = options.longs === $String ? $String(message.units) : message.units;
                    else
                        object.units = options.longs === $String ? $util.Long.prototype.toString.call(message.units) : options.longs === $Number ? new $util.LongBits(message.units.low >>> 0, message.units.high >>> 0).toNumber() : message.units;
                if (message.avgPrice != null && $Object.hasOwnProperty.call(message, "avgPrice"))
                    object.avgPrice = options.json && !$isFinite(message.avgPrice) ? $String(message.avgPrice) : message.avgPrice;
                if (message.realized != null && $Object.hasOwnProperty.call(message, "realized"))
                    object.realized = options.json && !$isFinite(message.realized) ? $String(message.realized) : message.realized;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    object.timeMs = options.json && !$isFinite(message.timeMs) ? $String(message.timeMs) : message.timeMs;
                return object;
            };

            /**
             * Converts this PositionUpdate to JSON.
             * @function toJSON
             * @memberof pipstream.v1.PositionUpdate
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PositionUpdate.prototype.toJSON = function() {
                return PositionUpdate.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PositionUpdate
             * @function getTypeUrl
             * @memberof pipstream.v1.PositionUpdate
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PositionUpdate.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.PositionUpdate";
            };

            return PositionUpdate;
        })();

        v1.PnlSample = (function() {

            /**
             * Properties of a PnlSample.
             * @typedef {Object} pipstream.v1.PnlSample.$Properties
             * @property {string|null} [account] PnlSample account
             * @property {number|null} [timeMs] PnlSample timeMs
             * @property {number|null} [balance] PnlSample balance
             * @property {number|null} [realized] PnlSample realized
             * @property {number|null} [unrealized] PnlSample unrealized
             * @property {number|null} [equity] PnlSample equity
             * @property {number|null} [equityPeak] PnlSample equityPeak
             * @property {number|null} [drawdownPct] PnlSample drawdownPct
             * @property {number|null} [dailyPnl] PnlSample dailyPnl
             * @property {number|null} [dayStartMs] PnlSample dayStartMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PnlSample.
             * @memberof pipstream.v1
             * @interface IPnlSample
             * @augments pipstream.v1.PnlSample.$Properties
             * @deprecated Use pipstream.v1.PnlSample.$Properties instead.
             */

            /**
             * Shape of a PnlSample.
             * @typedef {pipstream.v1.PnlSample.$Properties} pipstream.v1.PnlSample.$Shape
             */

            /**
             * Constructs a new PnlSample.
             * @memberof pipstream.v1
             * @classdesc Represents a PnlSample.
             * @constructor
             * @param {pipstream.v1.PnlSample.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const PnlSample = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PnlSample account.
             * @member {string} account
             * @memberof pipstream.v1.PnlSample
             * @instance
             */
            PnlSample.prototype.account = "";

            /**
             * PnlSample timeMs.
             * @member {number} timeMs
             * @memberof pipstream.v1.PnlSample
             * @instance
             */
            PnlSample.prototype.timeMs = 0;

            /**
             * PnlSample balance.
             * @member {number} balance
             * @memberof pipstream.v1.PnlSample
             * @instance
             */
            PnlSample.prototype.balance = 0;

            /**
             * PnlSample realized.
             * @member {number} realized
             * @memberof pipstream.v1.PnlSample
             * @instance
             */
            PnlSample.prototype.realized = 0;

            /**
             * PnlSample unrealized.
             * @member {number} unrealized
             * @memberof pipstream.v1.PnlSample
             * @instance
             */
            PnlSample.prototype.unrealized = 0;

            /**
             * PnlSample equity.
             * @member {number} equity
             * @memberof pipstream.v1.PnlSample
             * @instance
             */
            PnlSample.prototype.equity = 0;

            /**
             * PnlSample equityPeak.
             * @member {number} equityPeak
             * @memberof pipstream.v1.PnlSample
             * @instance
             */
            PnlSample.prototype.equityPeak = 0;

            /**
             * PnlSample drawdownPct.
             * @member {number} drawdownPct
             * @memberof pipstream.v1.PnlSample
             * @instance
             */
            PnlSample.prototype.drawdownPct = 0;

            /**
             * PnlSample dailyPnl.
             * @member {number} dailyPnl
             * @memberof pipstream.v1.PnlSample
             * @instance
             */
            PnlSample.prototype.dailyPnl = 0;

            /**
             * PnlSample dayStartMs.
             * @member {number} dayStartMs
             * @memberof pipstream.v1.PnlSample
             * @instance
             */
            PnlSample.prototype.dayStartMs = 0;

            /**
             * Creates a new PnlSample instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.PnlSample
             * @static
             * @param {pipstream.v1.PnlSample.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.PnlSample} PnlSample instance
             * @type {{
             *   (properties: pipstream.v1.PnlSample.$Shape): pipstream.v1.PnlSample & pipstream.v1.PnlSample.$Shape;
             *   (properties?: pipstream.v1.PnlSample.$Properties): pipstream.v1.PnlSample;
             * }}
             */
            PnlSample.create = function(properties) {
                return new PnlSample(properties);
            };

            /**
             * Encodes the specified PnlSample message. Does not implicitly {@link pipstream.v1.PnlSample.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.PnlSample
             * @static
             * @param {pipstream.v1.PnlSample.$Properties} message PnlSample message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PnlSample.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.account);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && !$Object.is(message.timeMs, 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.timeMs);
                if (message.balance != null && $Object.hasOwnProperty.call(message, "balance") && !$Object.is(message.balance, 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.balance);
                if (message.realized != null && $Object.hasOwnProperty.call(message, "realized") && !$Object.is(message.realized, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.realized);
                if (message.unrealized != null && $Object.hasOwnProperty.call(message, "unrealized") && !$Object.is(message.unrealized, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.unrealized);
                if (message.equity != null && $Object.hasOwnProperty.call(message, "equity") && !$Object.is(message.equity, 0))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.equity);
                if (message.equityPeak != null && $Object.hasOwnProperty.call(message, "equityPeak") && !$Object.is(message.equityPeak, 0))
                    writer.uint32(/* id 7, wireType 1 =*/57).double(message.equityPeak);
                if (message.drawdownPct != null && $Object.hasOwnProperty.call(message, "drawdownPct") && !$Object.is(message.drawdownPct, 0))
                    writer.uint32(/* id 8, wireType 1 =*/65).double(message.drawdownPct);
                if (message.dailyPnl != null && $Object.hasOwnProperty.call(message, "dailyPnl") && !$Object.is(message.dailyPnl, 0))
                    writer.uint32(/* id 9, wireType 1 =*/73).double(message.dailyPnl);
                if (message.dayStartMs != null && $Object.hasOwnProperty.call(message, "dayStartMs") && !$Object.is(message.dayStartMs, 0))
                    writer.uint32(/* id 10, wireType 1 =*/81).double(message.dayStartMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified PnlSample message, length delimited. Does not implicitly {@link pipstream.v1.PnlSample.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.PnlSample
             * @static
             * @param {pipstream.v1.PnlSample.$Properties} message PnlSample message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PnlSample.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PnlSample message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.PnlSample
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.PnlSample & pipstream.v1.PnlSample.$Shape} PnlSample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PnlSample.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.PnlSample();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.account = value;
                            else
                                delete message.account;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.balance = value;
                            else
                                delete message.balance;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.realized = value;
                            else
                                delete message.realized;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.unrealized = value;
                            else
                                delete message.unrealized;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.equity = value;
                            else
                                delete message.equity;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.equityPeak = value;
                            else
                                delete message.equityPeak;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.drawdownPct = value;
                            else
                                delete message.drawdownPct;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.dailyPnl = value;
                            else
                                delete message.dailyPnl;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.dayStartMs = value;
                            else
                                delete message.dayStartMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a PnlSample message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.PnlSample
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.PnlSample & pipstream.v1.PnlSample.$Shape} PnlSample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PnlSample.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PnlSample message.
             * @function verify
             * @memberof pipstream.v1.PnlSample
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PnlSample.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.account != null && $Object.hasOwnProperty.call(message, "account"))
                    if (!$util.isString(message.account))
                        return "account: string expected";
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof message.timeMs !== "number")
                        return "timeMs: number expected";
                if (message.balance != null && $Object.hasOwnProperty.call(message, "balance"))
                    if (typeof message.balance !== "number")
                        return "balance: number expected";
                if (message.realized != null && $Object.hasOwnProperty.call(message, "realized"))
                    if (typeof message.realized !== "number")
                        return "realized: number expected";
                if (message.unrealized != null && $Object.hasOwnProperty.call(message, "unrealized"))
                    if (typeof message.unrealized !== "number")
                        return "unrealized: number expected";
                if (message.equity != null && $Object.hasOwnProperty.call(message, "equity"))
                    if (typeof message.equity !== "number")
                        return "equity: number expected";
                if (message.equityPeak != null && $Object.hasOwnProperty.call(message, "equityPeak"))
                    if (typeof message.equityPeak !== "number")
                        return "equityPeak: number expected";
                if (message.drawdownPct != null && $Object.hasOwnProperty.call(message, "drawdownPct"))
                    if (typeof message.drawdownPct !== "number")
                        return "drawdownPct: number expected";
                if (message.dailyPnl != null && $Object.hasOwnProperty.call(message, "dailyPnl"))
                    if (typeof message.dailyPnl !== "number")
                        return "dailyPnl: number expected";
                if (message.dayStartMs != null && $Object.hasOwnProperty.call(message, "dayStartMs"))
                    if (typeof message.dayStartMs !== "number")
                        return "dayStartMs: number expected";
                return null;
            };

            /**
             * Creates a PnlSample message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.PnlSample
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.PnlSample} PnlSample
             */
            PnlSample.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.PnlSample)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.PnlSample: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.PnlSample();
                if (object.account != null)
                    if (typeof object.account !== "string" || object.account.length)
                        message.account = $String(object.account);
                if (object.timeMs != null)
                    if (!$Object.is($Number(object.timeMs), 0))
                        message.timeMs = $Number(object.timeMs);
                if (object.balance != null)
                    if (!$Object.is($Number(object.balance), 0))
                        message.balance = $Number(object.balance);
                if (object.realized != null)
                    if (!$Object.is($Number(object.realized), 0))
                        message.realized = $Number(object.realized);
                if (object.unrealized != null)
                    if (!$Object.is($Number(object.unrealized), 0))
                        message.unrealized = $Number(object.unrealized);
                if (object.equity != null)
                    if (!$Object.is($Number(object.equity), 0))
                        message.equity = $Number(object.equity);
                if (object.equityPeak != null)
                    if (!$Object.is($Number(object.equityPeak), 0))
                        message.equityPeak = $Number(object.equityPeak);
                if (object.drawdownPct != null)
                    if (!$Object.is($Number(object.drawdownPct), 0))
                        message.drawdownPct = $Number(object.drawdownPct);
                if (object.dailyPnl != null)
                    if (!$Object.is($Number(object.dailyPnl), 0))
                        message.dailyPnl = $Number(object.dailyPnl);
                if (object.dayStartMs != null)
                    if (!$Object.is($Number(object.dayStartMs), 0))
                        message.dayStartMs = $Number(object.dayStartMs);
                return message;
            };

            /**
             * Creates a plain object from a PnlSample message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.PnlSample
             * @static
             * @param {pipstream.v1.PnlSample} message PnlSample
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PnlSample.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.account = "";
                    object.timeMs = 0;
                    object.balance = 0;
                    object.realized = 0;
                    object.unrealized = 0;
                    object.equity = 0;
                    object.equityPeak = 0;
                    object.drawdownPct = 0;
                    object.dailyPnl = 0;
                    object.dayStartMs = 0;
                }
                if (message.account != null && $Object.hasOwnProperty.call(message, "account"))
                    object.account = message.account;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    object.timeMs = options.json && !$isFinite(message.timeMs) ? $String(message.timeMs) : message.timeMs;
                if (message.balance != null && $Object.hasOwnProperty.call(message, "balance"))
                    object.balance = options.json && !$isFinite(message.balance) ? $String(message.balance) : message.balance;
                if (message.realized != null && $Object.hasOwnProperty.call(message, "realized"))
                    object.realized = options.json && !$isFinite(message.realized) ? $String(message.realized) : message.realized;
                if (message.unrealized != null && $Object.hasOwnProperty.call(message, "unrealized"))
                    object.unrealized = options.json && !$isFinite(message.unrealized) ? $String(message.unrealized) : message.unrealized;
                if (message.equity != null && $Object.hasOwnProperty.call(message, "equity"))
                    object.equity = options.json && !$isFinite(message.equity) ? $String(message.equity) : message.equity;
                if (message.equityPeak != null && $Object.hasOwnProperty.call(message, "equityPeak"))
                    object.equityPeak = options.json && !$isFinite(message.equityPeak) ? $String(message.equityPeak) : message.equityPeak;
                if (message.drawdownPct != null && $Object.hasOwnProperty.call(message, "drawdownPct"))
                    object.drawdownPct = options.json && !$isFinite(message.drawdownPct) ? $String(message.drawdownPct) : message.drawdownPct;
                if (message.dailyPnl != null && $Object.hasOwnProperty.call(message, "dailyPnl"))
                    object.dailyPnl = options.json && !$isFinite(message.dailyPnl) ? $String(message.dailyPnl) : message.dailyPnl;
                if (message.dayStartMs != null && $Object.hasOwnProperty.call(message, "dayStartMs"))
                    object.dayStartMs = options.json && !$isFinite(message.dayStartMs) ? $String(message.dayStartMs) : message.dayStartMs;
                return object;
            };

            /**
             * Converts this PnlSample to JSON.
             * @function toJSON
             * @memberof pipstream.v1.PnlSample
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PnlSample.prototype.toJSON = function() {
                return PnlSample.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PnlSample
             * @function getTypeUrl
             * @memberof pipstream.v1.PnlSample
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PnlSample.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.PnlSample";
            };

            return PnlSample;
        })();

        v1.LatencySample = (function() {

            /**
             * Properties of a LatencySample.
             * @typedef {Object} pipstream.v1.LatencySample.$Properties
             * @property {string|null} [nodeId] LatencySample nodeId
             * @property {string|null} [stage] LatencySample stage
             * @property {number|null} [startMs] LatencySample startMs
             * @property {number|null} [endMs] LatencySample endMs
             * @property {number|null} [count] LatencySample count
             * @property {number|null} [p50Us] LatencySample p50Us
             * @property {number|null} [p99Us] LatencySample p99Us
             * @property {number|null} [p999Us] LatencySample p999Us
             * @property {number|null} [maxUs] LatencySample maxUs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a LatencySample.
             * @memberof pipstream.v1
             * @interface ILatencySample
             * @augments pipstream.v1.LatencySample.$Properties
             * @deprecated Use pipstream.v1.LatencySample.$Properties instead.
             */

            /**
             * Shape of a LatencySample.
             * @typedef {pipstream.v1.LatencySample.$Properties} pipstream.v1.LatencySample.$Shape
             */

            /**
             * Constructs a new LatencySample.
             * @memberof pipstream.v1
             * @classdesc Represents a LatencySample.
             * @constructor
             * @param {pipstream.v1.LatencySample.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const LatencySample = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * LatencySample nodeId.
             * @member {string} nodeId
             * @memberof pipstream.v1.LatencySample
             * @instance
             */
            LatencySample.prototype.nodeId = "";

            /**
             * LatencySample stage.
             * @member {string} stage
             * @memberof pipstream.v1.LatencySample
             * @instance
             */
            LatencySample.prototype.stage = "";

            /**
             * LatencySample startMs.
             * @member {number} startMs
             * @memberof pipstream.v1.LatencySample
             * @instance
             */
            LatencySample.prototype.startMs = 0;

            /**
             * LatencySample endMs.
             * @member {number} endMs
             * @memberof pipstream.v1.LatencySample
             * @instance
             */
            LatencySample.prototype.endMs = 0;

            /**
             * LatencySample count.
             * @member {number} count
             * @memberof pipstream.v1.LatencySample
             * @instance
             */
            LatencySample.prototype.count = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * LatencySample p50Us.
             * @member {number} p50Us
             * @memberof pipstream.v1.LatencySample
             * @instance
             */
            LatencySample.prototype.p50Us = 0;

            /**
             * LatencySample p99Us.
             * @member {number} p99Us
             * @memberof pipstream.v1.LatencySample
             * @instance
             */
            LatencySample.prototype.p99Us = 0;

            /**
             * LatencySample p999Us.
             * @member {number} p999Us
             * @memberof pipstream.v1.LatencySample
             * @instance
             */
            LatencySample.prototype.p999Us = 0;

            /**
             * LatencySample maxUs.
             * @member {number} maxUs
             * @memberof pipstream.v1.LatencySample
             * @instance
             */
            LatencySample.prototype.maxUs = 0;

            /**
             * Creates a new LatencySample instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.LatencySample
             * @static
             * @param {pipstream.v1.LatencySample.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.LatencySample} LatencySample instance
             * @type {{
             *   (properties: pipstream.v1.LatencySample.$Shape): pipstream.v1.LatencySample & pipstream.v1.LatencySample.$Shape;
             *   (properties?: pipstream.v1.LatencySample.$Properties): pipstream.v1.LatencySample;
             * }}
             */
            LatencySample.create = function(properties) {
                return new LatencySample(properties);
            };

            /**
             * Encodes the specified LatencySample message. Does not implicitly {@link pipstream.v1.LatencySample.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.LatencySample
             * @static
             * @param {pipstream.v1.LatencySample.$Properties} message LatencySample message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LatencySample.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId") && message.nodeId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.nodeId);
                if (message.stage != null && $Object.hasOwnProperty.call(message, "stage") && message.stage !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.stage);
                if (message.startMs != null && $Object.hasOwnProperty.call(message, "startMs") && !$Object.is(message.startMs, 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.startMs);
                if (message.endMs != null && $Object.hasOwnProperty.call(message, "endMs") && !$Object.is(message.endMs, 0))
                    writer.uint32(/* id 4, wireType 1 =*/33).double(message.endMs);
                if (message.count != null && $Object.hasOwnProperty.call(message, "count") && (typeof message.count === "object" ? message.count.low || message.count.high : message.count !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.count);
                if (message.p50Us != null && $Object.hasOwnProperty.call(message, "p50Us") && !$Object.is(message.p50Us, 0))
                    writer.uint32(/* id 6, wireType 1 =*/49).double(message.p50Us);
                if (message.p99Us != null && $Object.hasOwnProperty.call(message, "p99Us") && !$Object.is(message.p99Us, 0))
                    writer.uint32(/* id 7, wireType 1 =*/57).double(message.p99Us);
                if (message.p999Us != null && $Object.hasOwnProperty.call(message, "p999Us") && !$Object.is(message.p999Us, 0))
                    writer.uint32(/* id 8, wireType 1 =*/65).double(message.p999Us);
                if (message.maxUs != null && $Object.hasOwnProperty.call(message, "maxUs") && !$Object.is(message.maxUs, 0))
                    writer.uint32(/* id 9, wireType 1 =*/73).double(message.maxUs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified LatencySample message, length delimited. Does not implicitly {@link pipstream.v1.LatencySample.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.LatencySample
             * @static
             * @param {pipstream.v1.LatencySample.$Properties} message LatencySample message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            LatencySample.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a LatencySample message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.LatencySample
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.LatencySample & pipstream.v1.LatencySample.$Shape} LatencySample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LatencySample.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.LatencySample();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.nodeId = value;
                            else
                                delete message.nodeId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.stage = value;
                            else
                                delete message.stage;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.startMs = value;
                            else
                                delete message.startMs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.endMs = value;
                            else
                                delete message.endMs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.count = value;
                            else
                                delete message.count;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.p50Us = value;
                            else
                                delete message.p50Us;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.p99Us = value;
                            else
                                delete message.p99Us;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.p999Us = value;
                            else
                                delete message.p999Us;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.maxUs = value;
                            else
                                delete message.maxUs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a LatencySample message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.LatencySample
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.LatencySample & pipstream.v1.LatencySample.$Shape} LatencySample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            LatencySample.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a LatencySample message.
             * @function verify
             * @memberof pipstream.v1.LatencySample
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            LatencySample.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId"))
                    if (!$util.isString(message.nodeId))
                        return "nodeId: string expected";
                if (message.stage != null && $Object.hasOwnProperty.call(message, "stage"))
                    if (!$util.isString(message.stage))
                        return "stage: string expected";
                if (message.startMs != null && $Object.hasOwnProperty.call(message, "startMs"))
                    if (typeof message.startMs !== "number")
                        return "startMs: number expected";
                if (message.endMs != null && $Object.hasOwnProperty.call(message, "endMs"))
                    if (typeof message.endMs !== "number")
                        return "endMs: number expected";
                if (message.count != null && $Object.hasOwnProperty.call(message, "count"))
                    if (!$util.isInteger(message.count) && !(message.count && $util.isInteger(message.count.low) && $util.isInteger(message.count.high)))
                        return "count: integer|Long expected";
                if (message.p50Us != null && $Object.hasOwnProperty.call(message, "p50Us"))
                    if (typeof message.p50Us !== "number")
                        return "p50Us: number expected";
                if (message.p99Us != null && $Object.hasOwnProperty.call(message, "p99Us"))
                    if (typeof message.p99Us !== "number")
                        return "p99Us: number expected";
                if (message.p999Us != null && $Object.hasOwnProperty.call(message, "p999Us"))
                    if (typeof message.p999Us !== "number")
                        return "p999Us: number expected";
                if (message.maxUs != null && $Object.hasOwnProperty.call(message, "maxUs"))
                    if (typeof message.maxUs !== "number")
                        return "maxUs: number expected";
                return null;
            };

            /**
             * Creates a LatencySample message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.LatencySample
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.LatencySample} LatencySample
             */
            LatencySample.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.LatencySample)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.LatencySample: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.LatencySample();
                if (object.nodeId != null)
                    if (typeof object.nodeId !== "string" || object.nodeId.length)
                        message.nodeId = $String(object.nodeId);
                if (object.stage != null)
                    if (typeof object.stage !== "string" || object.stage.length)
                        message.stage = $String(object.stage);
                if (object.startMs != null)
                    if (!$Object.is($Number(object.startMs), 0))
                        message.startMs = $Number(object.startMs);
                if (object.endMs != null)
                    if (!$Object.is($Number(object.endMs), 0))
                        message.endMs = $Number(object.endMs);
                if (object.count != null)
                    if (typeof object.count === "object" ? object.count.low || object.count.high : $Number(object.count) !== 0)
                        if ($util.Long)
                            message.count = $util.Long.fromValue(object.count, true);
                        else if (typeof object.count === "string")
                            message.count = $parseInt(object.count, 10);
                        else if (typeof object.count === "number")
                            message.count = object.count;
                        else if (typeof object.count === "object")
                            message.count = new $util.LongBits(object.count.low >>> 0, object.count.high >>> 0).toNumber(true);
                if (object.p50Us != null)
                    if (!$Object.is($Number(object.p50Us), 0))
                        message.p50Us = $Number(object.p50Us);
                if (object.p99Us != null)
                    if (!$Object.is($Number(object.p99Us), 0))
                        message.p99Us = $Number(object.p99Us);
                if (object.p999Us != null)
                    if (!$Object.is($Number(object.p999Us), 0))
                        message.p999Us = $Number(object.p999Us);
                if (object.maxUs != null)
                    if (!$Object.is($Number(object.maxUs), 0))
                        message.maxUs = $Number(object.maxUs);
                return message;
            };

            /**
             * Creates a plain object from a LatencySample message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.LatencySample
             * @static
             * @param {pipstream.v1.LatencySample} message LatencySample
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            LatencySample.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.nodeId = "";
                    object.stage = "";
                    object.startMs = 0;
                    object.endMs = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.count = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.count = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.p50Us = 0;
                    object.p99Us = 0;
                    object.p999Us = 0;
                    object.maxUs = 0;
                }
                if (message.nodeId != null && $Object.hasOwnProperty.call(message, "nodeId"))
                    object.nodeId = message.nodeId;
                if (message.stage != null && $Object.hasOwnProperty.call(message, "stage"))
                    object.stage = message.stage;
                if (message.startMs != null && $Object.hasOwnProperty.call(message, "startMs"))
                    object.startMs = options.json && !$isFinite(message.startMs) ? $String(message.startMs) : message.startMs;
                if (message.endMs != null && $Object.hasOwnProperty.call(message, "endMs"))
                    object.endMs = options.json && !$isFinite(message.endMs) ? $String(message.endMs) : message.endMs;
                if (message.count != null && $Object.hasOwnProperty.call(message, "count"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.count = typeof message.count === "number" ? $BigInt(message.count) : $util.Long.fromBits(message.count.low >>> 0, message.count.high >>> 0, true).toBigInt();
                    else if (typeof message.count === "number")
                        object.count = options.longs === $String ? $String(message.count) : message.count;
                    else
                        object.count = options.longs === $String ? $util.Long.prototype.toString.call(message.count) : options.longs === $Number ? new $util.LongBits(message.count.low >>> 0, message.count.high >>> 0).toNumber(true) : message.count;
                if (message.p50Us != null && $Object.hasOwnProperty.call(message, "p50Us"))
                    object.p50Us = options.json && !$isFinite(message.p50Us) ? $String(message.p50Us) : message.p50Us;
                if (message.p99Us != null && $Object.hasOwnProperty.call(message, "p99Us"))
                    object.p99Us = options.json && !$isFinite(message.p99Us) ? $String(message.p99Us) : message.p99Us;
                if (message.p999Us != null && $Object.hasOwnProperty.call(message, "p999Us"))
                    object.p999Us = options.json && !$isFinite(message.p999Us) ? $String(message.p999Us) : message.p999Us;
                if (message.maxUs != null && $Object.hasOwnProperty.call(message, "maxUs"))
                    object.maxUs = options.json && !$isFinite(message.maxUs) ? $String(message.maxUs) : message.maxUs;
                return object;
            };

            /**
             * Converts this LatencySample to JSON.
             * @function toJSON
             * @memberof pipstream.v1.LatencySample
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            LatencySample.prototype.toJSON = function() {
                return LatencySample.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for LatencySample
             * @function getTypeUrl
             * @memberof pipstream.v1.LatencySample
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            LatencySample.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.LatencySample";
            };

            return LatencySample;
        })();

        v1.RiskDecision = (function() {

            /**
             * Properties of a RiskDecision.
             * @typedef {Object} pipstream.v1.RiskDecision.$Properties
             * @property {string|null} [orderId] RiskDecision orderId
             * @property {string|null} [signalId] RiskDecision signalId
             * @property {string|null} [account] RiskDecision account
             * @property {string|null} [instrument] RiskDecision instrument
             * @property {boolean|null} [approved] RiskDecision approved
             * @property {string|null} [reason] RiskDecision reason
             * @property {number|null} [limit] RiskDecision limit
             * @property {number|null} [value] RiskDecision value
             * @property {pipstream.v1.Side|null} [side] RiskDecision side
             * @property {number|null} [units] RiskDecision units
             * @property {number|null} [timeMs] RiskDecision timeMs
             * @property {number|null} [bid] RiskDecision bid
             * @property {number|null} [ask] RiskDecision ask
             * @property {string|null} [limitsJson] RiskDecision limitsJson
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RiskDecision.
             * @memberof pipstream.v1
             * @interface IRiskDecision
             * @augments pipstream.v1.RiskDecision.$Properties
             * @deprecated Use pipstream.v1.RiskDecision.$Properties instead.
             */

            /**
             * Shape of a RiskDecision.
             * @typedef {pipstream.v1.RiskDecision.$Properties} pipstream.v1.RiskDecision.$Shape
             */

            /**
             * Constructs a new RiskDecision.
             * @memberof pipstream.v1
             * @classdesc Represents a RiskDecision.
             * @constructor
             * @param {pipstream.v1.RiskDecision.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RiskDecision = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RiskDecision orderId.
             * @member {string} orderId
             * @memberof pipstream.v1.RiskDecision
             * @instance
             */
            RiskDecision.prototype.orderId = "";

            /**
             * RiskDecision signalId.
             * @member {string} signalId
             * @memberof pipstream.v1.RiskDecision
             * @instance
             */
            RiskDecision.prototype.signalId = "";

            /**
             * RiskDecision account.
             * @member {string} account
             * @memberof pipstream.v1.RiskDecision
             * @instance
             */
            RiskDecision.prototype.account = "";

            /**
             * RiskDecision instrument.
             * @member {string} instrument
             * @memberof pipstream.v1.RiskDecision
             * @instance
             */
            RiskDecision.prototype.instrument = "";

            /**
             * RiskDecision approved.
             * @member {boolean} approved
             * @memberof pipstream.v1.RiskDecision
             * @instance
             */
            RiskDecision.prototype.approved = false;

            /**
             * RiskDecision reason.
             * @member {string} reason
             * @memberof pipstream.v1.RiskDecision
             * @instance
             */
            RiskDecision.prototype.reason = "";

            /**
             * RiskDecision limit.
             * @member {number|null|undefined} limit
             * @memberof pipstream.v1.RiskDecision
             * @instance
             */
            RiskDecision.prototype.limit = null;

            /**
             * RiskDecision value.
             * @member {number|null|undefined} value
             * @memberof pipstream.v1.RiskDecision
             * @instance
             */
            RiskDecision.prototype.value = null;

            /**
             * RiskDecision side.
             * @member {pipstream.v1.Side} side
             * @memberof pipstream.v1.RiskDecision
             * @instance
             */
            RiskDecision.prototype.side = 0;

            /**
             * RiskDecision units.
             * @member {number} units
             * @memberof pipstream.v1.RiskDecision
             * @instance
             */
            RiskDecision.prototype.units = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * RiskDecision timeMs.
             * @member {number} timeMs
             * @memberof pipstream.v1.RiskDecision
             * @instance
             */
            RiskDecision.prototype.timeMs = 0;

            /**
             * RiskDecision bid.
             * @member {number} bid
             * @memberof pipstream.v1.RiskDecision
             * @instance
             */
            RiskDecision.prototype.bid = 0;

            /**
             * RiskDecision ask.
             * @member {number} ask
             * @memberof pipstream.v1.RiskDecision
             * @instance
             */
            RiskDecision.prototype.ask = 0;

            /**
             * RiskDecision limitsJson.
             * @member {string} limitsJson
             * @memberof pipstream.v1.RiskDecision
             * @instance
             */
            RiskDecision.prototype.limitsJson = "";

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(RiskDecision.prototype, "_limit", {
                get: $util.oneOfGetter($oneOfFields = ["limit"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(RiskDecision.prototype, "_value", {
                get: $util.oneOfGetter($oneOfFields = ["value"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new RiskDecision instance using the specified properties.
             * @function create
             * @memberof pipstream.v1.RiskDecision
             * @static
             * @param {pipstream.v1.RiskDecision.$Properties=} [properties] Properties to set
             * @returns {pipstream.v1.RiskDecision} RiskDecision instance
             * @type {{
             *   (properties: pipstream.v1.RiskDecision.$Shape): pipstream.v1.RiskDecision & pipstream.v1.RiskDecision.$Shape;
             *   (properties?: pipstream.v1.RiskDecision.$Properties): pipstream.v1.RiskDecision;
             * }}
             */
            RiskDecision.create = function(properties) {
                return new RiskDecision(properties);
            };

            /**
             * Encodes the specified RiskDecision message. Does not implicitly {@link pipstream.v1.RiskDecision.verify|verify} messages.
             * @function encode
             * @memberof pipstream.v1.RiskDecision
             * @static
             * @param {pipstream.v1.RiskDecision.$Properties} message RiskDecision message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RiskDecision.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId") && message.orderId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.orderId);
                if (message.signalId != null && $Object.hasOwnProperty.call(message, "signalId") && message.signalId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.signalId);
                if (message.account != null && $Object.hasOwnProperty.call(message, "account") && message.account !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.account);
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument") && message.instrument !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.instrument);
                if (message.approved != null && $Object.hasOwnProperty.call(message, "approved") && message.approved !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.approved);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.reason);
                if (message.limit != null && $Object.hasOwnProperty.call(message, "limit"))
                    writer.uint32(/* id 7, wireType 1 =*/57).double(message.limit);
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    writer.uint32(/* id 8, wireType 1 =*/65).double(message.value);
                if (message.side != null && $Object.hasOwnProperty.call(message, "side") && message.side !== 0)
                    writer.uint32(/* id 9, wireType 0 =*/72).int32(message.side);
                if (message.units != null && $Object.hasOwnProperty.call(message, "units") && (typeof message.units === "object" ? message.units.low || message.units.high : message.units !== 0))
                    writer.uint32(/* id 10, wireType 0 =*/80).int64(message.units);
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && !$Object.is(message.timeMs, 0))
                    writer.uint32(/* id 11, wireType 1 =*/89).double(message.timeMs);
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid") && !$Object.is(message.bid, 0))
                    writer.uint32(/* id 12, wireType 1 =*/97).double(message.bid);
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask") && !$Object.is(message.ask, 0))
                    writer.uint32(/* id 13, wireType 1 =*/105).double(message.ask);
                if (message.limitsJson != null && $Object.hasOwnProperty.call(message, "limitsJson") && message.limitsJson !== "")
                    writer.uint32(/* id 14, wireType 2 =*/114).string(message.limitsJson);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RiskDecision message, length delimited. Does not implicitly {@link pipstream.v1.RiskDecision.verify|verify} messages.
             * @function encodeDelimited
             * @memberof pipstream.v1.RiskDecision
             * @static
             * @param {pipstream.v1.RiskDecision.$Properties} message RiskDecision message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RiskDecision.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RiskDecision message from the specified reader or buffer.
             * @function decode
             * @memberof pipstream.v1.RiskDecision
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {pipstream.v1.RiskDecision & pipstream.v1.RiskDecision.$Shape} RiskDecision
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RiskDecision.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.pipstream.v1.RiskDecision();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.orderId = value;
                            else
                                delete message.orderId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.signalId = value;
                            else
                                delete message.signalId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.account = value;
                            else
                                delete message.account;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.instrument = value;
                            else
                                delete message.instrument;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.approved = value;
                            else
                                delete message.approved;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 1)
                                break;
                            message.limit = reader.double();
                            message._limit = "limit";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 1)
                                break;
                            message.value = reader.double();
                            message._value = "value";
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.side = value;
                            else
                                delete message.side;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.units = value;
                            else
                                delete message.units;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.bid = value;
                            else
                                delete message.bid;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.ask = value;
                            else
                                delete message.ask;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.limitsJson = value;
                            else
                                delete message.limitsJson;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RiskDecision message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof pipstream.v1.RiskDecision
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {pipstream.v1.RiskDecision & pipstream.v1.RiskDecision.$Shape} RiskDecision
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RiskDecision.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RiskDecision message.
             * @function verify
             * @memberof pipstream.v1.RiskDecision
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RiskDecision.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                let properties = {};
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    if (!$util.isString(message.orderId))
                        return "orderId: string expected";
                if (message.signalId != null && $Object.hasOwnProperty.call(message, "signalId"))
                    if (!$util.isString(message.signalId))
                        return "signalId: string expected";
                if (message.account != null && $Object.hasOwnProperty.call(message, "account"))
                    if (!$util.isString(message.account))
                        return "account: string expected";
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    if (!$util.isString(message.instrument))
                        return "instrument: string expected";
                if (message.approved != null && $Object.hasOwnProperty.call(message, "approved"))
                    if (typeof message.approved !== "boolean")
                        return "approved: boolean expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                if (message.limit != null && $Object.hasOwnProperty.call(message, "limit")) {
                    properties._limit = 1;
                    if (typeof message.limit !== "number")
                        return "limit: number expected";
                }
                if (message.value != null && $Object.hasOwnProperty.call(message, "value")) {
                    properties._value = 1;
                    if (typeof message.value !== "number")
                        return "value: number expected";
                }
                if (message.side != null && $Object.hasOwnProperty.call(message, "side"))
                    if (typeof message.side !== "number" || (message.side | 0) !== message.side)
                        return "side: enum value expected";
                if (message.units != null && $Object.hasOwnProperty.call(message, "units"))
                    if (!$util.isInteger(message.units) && !(message.units && $util.isInteger(message.units.low) && $util.isInteger(message.units.high)))
                        return "units: integer|Long expected";
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    if (typeof message.timeMs !== "number")
                        return "timeMs: number expected";
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid"))
                    if (typeof message.bid !== "number")
                        return "bid: number expected";
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask"))
                    if (typeof message.ask !== "number")
                        return "ask: number expected";
                if (message.limitsJson != null && $Object.hasOwnProperty.call(message, "limitsJson"))
                    if (!$util.isString(message.limitsJson))
                        return "limitsJson: string expected";
                return null;
            };

            /**
             * Creates a RiskDecision message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof pipstream.v1.RiskDecision
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {pipstream.v1.RiskDecision} RiskDecision
             */
            RiskDecision.fromObject = function (object, _depth) {
                if (object instanceof $root.pipstream.v1.RiskDecision)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".pipstream.v1.RiskDecision: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.pipstream.v1.RiskDecision();
                if (object.orderId != null)
                    if (typeof object.orderId !== "string" || object.orderId.length)
                        message.orderId = $String(object.orderId);
                if (object.signalId != null)
                    if (typeof object.signalId !== "string" || object.signalId.length)
                        message.signalId = $String(object.signalId);
                if (object.account != null)
                    if (typeof object.account !== "string" || object.account.length)
                        message.account = $String(object.account);
                if (object.instrument != null)
                    if (typeof object.instrument !== "string" || object.instrument.length)
                        message.instrument = $String(object.instrument);
                if (object.approved != null)
                    if (object.approved)
                        message.approved = $Boolean(object.approved);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.limit != null)
                    message.limit = $Number(object.limit);
                if (object.value != null)
                    message.value = $Number(object.value);
                if (object.side !== 0 && (typeof object.side !== "string" || $root.pipstream.v1.Side[object.side] !== 0))
                    switch (object.side) {
                    case "SIDE_UNSPECIFIED":
                    case 0:
                        message.side = 0;
                        break;
                    case "SIDE_BUY":
                    case 1:
                        message.side = 1;
                        break;
                    case "SIDE_SELL":
                    case 2:
                        message.side = 2;
                        break;
                    default:
                        if (typeof object.side === "number" && (object.side | 0) === object.side)
                            message.side = object.side;
                    }
                if (object.units != null)
                    if (typeof object.units === "object" ? object.units.low || object.units.high : $Number(object.units) !== 0)
                        if ($util.Long)
                            message.units = $util.Long.fromValue(object.units, false);
                        else if (typeof object.units === "string")
                            message.units = $parseInt(object.units, 10);
                        else if (typeof object.units === "number")
                            message.units = object.units;
                        else if (typeof object.units === "object")
                            message.units = new $util.LongBits(object.units.low >>> 0, object.units.high >>> 0).toNumber();
                if (object.timeMs != null)
                    if (!$Object.is($Number(object.timeMs), 0))
                        message.timeMs = $Number(object.timeMs);
                if (object.bid != null)
                    if (!$Object.is($Number(object.bid), 0))
                        message.bid = $Number(object.bid);
                if (object.ask != null)
                    if (!$Object.is($Number(object.ask), 0))
                        message.ask = $Number(object.ask);
                if (object.limitsJson != null)
                    if (typeof object.limitsJson !== "string" || object.limitsJson.length)
                        message.limitsJson = $String(object.limitsJson);
                return message;
            };

            /**
             * Creates a plain object from a RiskDecision message. Also converts values to other types if specified.
             * @function toObject
             * @memberof pipstream.v1.RiskDecision
             * @static
             * @param {pipstream.v1.RiskDecision} message RiskDecision
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RiskDecision.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.orderId = "";
                    object.signalId = "";
                    object.account = "";
                    object.instrument = "";
                    object.approved = false;
                    object.reason = "";
                    object.side = options.enums === $String ? "SIDE_UNSPECIFIED" : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, false);
                        object.units = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.units = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.timeMs = 0;
                    object.bid = 0;
                    object.ask = 0;
                    object.limitsJson = "";
                }
                if (message.orderId != null && $Object.hasOwnProperty.call(message, "orderId"))
                    object.orderId = message.orderId;
                if (message.signalId != null && $Object.hasOwnProperty.call(message, "signalId"))
                    object.signalId = message.signalId;
                if (message.account != null && $Object.hasOwnProperty.call(message, "account"))
                    object.account = message.account;
                if (message.instrument != null && $Object.hasOwnProperty.call(message, "instrument"))
                    object.instrument = message.instrument;
                if (message.approved != null && $Object.hasOwnProperty.call(message, "approved"))
                    object.approved = message.approved;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.limit != null && $Object.hasOwnProperty.call(message, "limit"))
                    object.limit = options.json && !$isFinite(message.limit) ? $String(message.limit) : message.limit;
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    object.value = options.json && !$isFinite(message.value) ? $String(message.value) : message.value;
                if (message.side != null && $Object.hasOwnProperty.call(message, "side"))
                    object.side = options.enums === $String ? $root.pipstream.v1.Side[message.side] === $undefined ? message.side : $root.pipstream.v1.Side[message.side] : message.side;
                if (message.units != null && $Object.hasOwnProperty.call(message, "units"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.units = typeof message.units === "number" ? $BigInt(message.units) : $util.Long.fromBits(message.units.low >>> 0, message.units.high >>> 0, false).toBigInt();
                    else if (typeof message.units === "number")
                        object.units = options.longs === $String ? $String(message.units) : message.units;
                    else
                        object.units = options.longs === $String ? $util.Long.prototype.toString.call(message.units) : options.longs === $Number ? new $util.LongBits(message.units.low >>> 0, message.units.high >>> 0).toNumber() : message.units;
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs"))
                    object.timeMs = options.json && !$isFinite(message.timeMs) ? $String(message.timeMs) : message.timeMs;
                if (message.bid != null && $Object.hasOwnProperty.call(message, "bid"))
                    object.bid = options.json && !$isFinite(message.bid) ? $String(message.bid) : message.bid;
                if (message.ask != null && $Object.hasOwnProperty.call(message, "ask"))
                    object.ask = options.json && !$isFinite(message.ask) ? $String(message.ask) : message.ask;
                if (message.limitsJson != null && $Object.hasOwnProperty.call(message, "limitsJson"))
                    object.limitsJson = message.limitsJson;
                return object;
            };

            /**
             * Converts this RiskDecision to JSON.
             * @function toJSON
             * @memberof pipstream.v1.RiskDecision
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RiskDecision.prototype.toJSON = function() {
                return RiskDecision.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RiskDecision
             * @function getTypeUrl
             * @memberof pipstream.v1.RiskDecision
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RiskDecision.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/pipstream.v1.RiskDecision";
            };

            return RiskDecision;
        })();

        return v1;
    })();

    return pipstream;
})();

export {
  $root as default
};
