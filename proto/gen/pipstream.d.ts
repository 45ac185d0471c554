import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace pipstream. */
export namespace pipstream {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of an InstrumentRegistered.
         * @deprecated Use pipstream.v1.InstrumentRegistered.$Properties instead.
         */
        interface IInstrumentRegistered extends pipstream.v1.InstrumentRegistered.$Properties {
        }

        /** Represents an InstrumentRegistered. */
        class InstrumentRegistered {

            /**
             * Constructs a new InstrumentRegistered.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.InstrumentRegistered.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** InstrumentRegistered instrument. */
            instrument: string;

            /** InstrumentRegistered pipLocation. */
            pipLocation: number;

            /** InstrumentRegistered displayPrecision. */
            displayPrecision: number;

            /** InstrumentRegistered nodeId. */
            nodeId: string;

            /**
             * Creates a new InstrumentRegistered instance using the specified properties.
             * @param [properties] Properties to set
             * @returns InstrumentRegistered instance
             */
            static create(properties: pipstream.v1.InstrumentRegistered.$Shape): pipstream.v1.InstrumentRegistered & pipstream.v1.InstrumentRegistered.$Shape;
            static create(properties?: pipstream.v1.InstrumentRegistered.$Properties): pipstream.v1.InstrumentRegistered;

            /**
             * Encodes the specified InstrumentRegistered message. Does not implicitly {@link pipstream.v1.InstrumentRegistered.verify|verify} messages.
             * @param message InstrumentRegistered message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.InstrumentRegistered.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified InstrumentRegistered message, length delimited. Does not implicitly {@link pipstream.v1.InstrumentRegistered.verify|verify} messages.
             * @param message InstrumentRegistered message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.InstrumentRegistered.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an InstrumentRegistered message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.InstrumentRegistered & pipstream.v1.InstrumentRegistered.$Shape} InstrumentRegistered
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.InstrumentRegistered & pipstream.v1.InstrumentRegistered.$Shape;

            /**
             * Decodes an InstrumentRegistered message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.InstrumentRegistered & pipstream.v1.InstrumentRegistered.$Shape} InstrumentRegistered
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.InstrumentRegistered & pipstream.v1.InstrumentRegistered.$Shape;

            /**
             * Verifies an InstrumentRegistered message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an InstrumentRegistered message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns InstrumentRegistered
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.InstrumentRegistered;

            /**
             * Creates a plain object from an InstrumentRegistered message. Also converts values to other types if specified.
             * @param message InstrumentRegistered
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.InstrumentRegistered, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this InstrumentRegistered to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for InstrumentRegistered
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace InstrumentRegistered {

            /** Properties of an InstrumentRegistered. */
            interface $Properties {

                /** InstrumentRegistered instrument */
                instrument?: (string|null);

                /** InstrumentRegistered pipLocation */
                pipLocation?: (number|null);

                /** InstrumentRegistered displayPrecision */
                displayPrecision?: (number|null);

                /** InstrumentRegistered nodeId */
                nodeId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an InstrumentRegistered. */
            type $Shape = pipstream.v1.InstrumentRegistered.$Properties;
        }

        /**
         * Properties of a WorkflowChanged.
         * @deprecated Use pipstream.v1.WorkflowChanged.$Properties instead.
         */
        interface IWorkflowChanged extends pipstream.v1.WorkflowChanged.$Properties {
        }

        /** Represents a WorkflowChanged. */
        class WorkflowChanged {

            /**
             * Constructs a new WorkflowChanged.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.WorkflowChanged.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** WorkflowChanged account. */
            account: string;

            /** WorkflowChanged workflowId. */
            workflowId: string;

            /** WorkflowChanged version. */
            version: number;

            /** WorkflowChanged documentJson. */
            documentJson: string;

            /** WorkflowChanged active. */
            active: boolean;

            /**
             * Creates a new WorkflowChanged instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WorkflowChanged instance
             */
            static create(properties: pipstream.v1.WorkflowChanged.$Shape): pipstream.v1.WorkflowChanged & pipstream.v1.WorkflowChanged.$Shape;
            static create(properties?: pipstream.v1.WorkflowChanged.$Properties): pipstream.v1.WorkflowChanged;

            /**
             * Encodes the specified WorkflowChanged message. Does not implicitly {@link pipstream.v1.WorkflowChanged.verify|verify} messages.
             * @param message WorkflowChanged message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.WorkflowChanged.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified WorkflowChanged message, length delimited. Does not implicitly {@link pipstream.v1.WorkflowChanged.verify|verify} messages.
             * @param message WorkflowChanged message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.WorkflowChanged.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WorkflowChanged message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.WorkflowChanged & pipstream.v1.WorkflowChanged.$Shape} WorkflowChanged
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.WorkflowChanged & pipstream.v1.WorkflowChanged.$Shape;

            /**
             * Decodes a WorkflowChanged message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.WorkflowChanged & pipstream.v1.WorkflowChanged.$Shape} WorkflowChanged
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.WorkflowChanged & pipstream.v1.WorkflowChanged.$Shape;

            /**
             * Verifies a WorkflowChanged message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a WorkflowChanged message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns WorkflowChanged
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.WorkflowChanged;

            /**
             * Creates a plain object from a WorkflowChanged message. Also converts values to other types if specified.
             * @param message WorkflowChanged
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.WorkflowChanged, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this WorkflowChanged to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for WorkflowChanged
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace WorkflowChanged {

            /** Properties of a WorkflowChanged. */
            interface $Properties {

                /** WorkflowChanged account */
                account?: (string|null);

                /** WorkflowChanged workflowId */
                workflowId?: (string|null);

                /** WorkflowChanged version */
                version?: (number|null);

                /** WorkflowChanged documentJson */
                documentJson?: (string|null);

                /** WorkflowChanged active */
                active?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a WorkflowChanged. */
            type $Shape = pipstream.v1.WorkflowChanged.$Properties;
        }

        /**
         * Properties of a DeadLetter.
         * @deprecated Use pipstream.v1.DeadLetter.$Properties instead.
         */
        interface IDeadLetter extends pipstream.v1.DeadLetter.$Properties {
        }

        /** Represents a DeadLetter. */
        class DeadLetter {

            /**
             * Constructs a new DeadLetter.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.DeadLetter.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DeadLetter subject. */
            subject: string;

            /** DeadLetter stream. */
            stream: string;

            /** DeadLetter streamSeq. */
            streamSeq: number;

            /** DeadLetter data. */
            data: Uint8Array;

            /** DeadLetter errorCode. */
            errorCode: string;

            /** DeadLetter errorMessage. */
            errorMessage: string;

            /** DeadLetter errorDetailsJson. */
            errorDetailsJson: string;

            /** DeadLetter consumer. */
            consumer: string;

            /** DeadLetter failedAtMs. */
            failedAtMs: number;

            /**
             * Creates a new DeadLetter instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeadLetter instance
             */
            static create(properties: pipstream.v1.DeadLetter.$Shape): pipstream.v1.DeadLetter & pipstream.v1.DeadLetter.$Shape;
            static create(properties?: pipstream.v1.DeadLetter.$Properties): pipstream.v1.DeadLetter;

            /**
             * Encodes the specified DeadLetter message. Does not implicitly {@link pipstream.v1.DeadLetter.verify|verify} messages.
             * @param message DeadLetter message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.DeadLetter.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified DeadLetter message, length delimited. Does not implicitly {@link pipstream.v1.DeadLetter.verify|verify} messages.
             * @param message DeadLetter message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.DeadLetter.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeadLetter message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.DeadLetter & pipstream.v1.DeadLetter.$Shape} DeadLetter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.DeadLetter & pipstream.v1.DeadLetter.$Shape;

            /**
             * Decodes a DeadLetter message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.DeadLetter & pipstream.v1.DeadLetter.$Shape} DeadLetter
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.DeadLetter & pipstream.v1.DeadLetter.$Shape;

            /**
             * Verifies a DeadLetter message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a DeadLetter message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DeadLetter
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.DeadLetter;

            /**
             * Creates a plain object from a DeadLetter message. Also converts values to other types if specified.
             * @param message DeadLetter
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.DeadLetter, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeadLetter to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for DeadLetter
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeadLetter {

            /** Properties of a DeadLetter. */
            interface $Properties {

                /** DeadLetter subject */
                subject?: (string|null);

                /** DeadLetter stream */
                stream?: (string|null);

                /** DeadLetter streamSeq */
                streamSeq?: (number|null);

                /** DeadLetter data */
                data?: (Uint8Array|null);

                /** DeadLetter errorCode */
                errorCode?: (string|null);

                /** DeadLetter errorMessage */
                errorMessage?: (string|null);

                /** DeadLetter errorDetailsJson */
                errorDetailsJson?: (string|null);

                /** DeadLetter consumer */
                consumer?: (string|null);

                /** DeadLetter failedAtMs */
                failedAtMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DeadLetter. */
            type $Shape = pipstream.v1.DeadLetter.$Properties;
        }

        /** EventType enum. */
        enum EventType {

            /** EVENT_TYPE_UNSPECIFIED value */
            EVENT_TYPE_UNSPECIFIED = 0,

            /** EVENT_TYPE_TICK value */
            EVENT_TYPE_TICK = 1,

            /** EVENT_TYPE_BAR value */
            EVENT_TYPE_BAR = 2,

            /** EVENT_TYPE_SIGNAL value */
            EVENT_TYPE_SIGNAL = 3,

            /** EVENT_TYPE_REJECTED_TICK value */
            EVENT_TYPE_REJECTED_TICK = 4,

            /** EVENT_TYPE_INSTRUMENT_REGISTERED value */
            EVENT_TYPE_INSTRUMENT_REGISTERED = 5,

            /** EVENT_TYPE_WORKFLOW_CHANGED value */
            EVENT_TYPE_WORKFLOW_CHANGED = 6,

            /** EVENT_TYPE_ORDER_UPDATE value */
            EVENT_TYPE_ORDER_UPDATE = 7,

            /** EVENT_TYPE_RISK_DECISION value */
            EVENT_TYPE_RISK_DECISION = 8,

            /** EVENT_TYPE_NOTIFICATION value */
            EVENT_TYPE_NOTIFICATION = 9,

            /** EVENT_TYPE_POSITION_UPDATE value */
            EVENT_TYPE_POSITION_UPDATE = 10,

            /** EVENT_TYPE_PNL_SAMPLE value */
            EVENT_TYPE_PNL_SAMPLE = 11,

            /** EVENT_TYPE_LATENCY_SAMPLE value */
            EVENT_TYPE_LATENCY_SAMPLE = 12,

            /** EVENT_TYPE_DEAD_LETTER value */
            EVENT_TYPE_DEAD_LETTER = 13
        }

        /**
         * Properties of an Envelope.
         * @deprecated Use pipstream.v1.Envelope.$Properties instead.
         */
        interface IEnvelope extends pipstream.v1.Envelope.$Properties {
        }

        /** Represents an Envelope. */
        class Envelope {

            /**
             * Constructs a new Envelope.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.Envelope.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Envelope schemaVersion. */
            schemaVersion: number;

            /** Envelope type. */
            type: pipstream.v1.EventType;

            /** Envelope eventId. */
            eventId: string;

            /** Envelope correlationId. */
            correlationId: string;

            /** Envelope causationId. */
            causationId: string;

            /** Envelope sourceTsUs. */
            sourceTsUs: number;

            /** Envelope ingestTsUs. */
            ingestTsUs: number;

            /**
             * Creates a new Envelope instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Envelope instance
             */
            static create(properties: pipstream.v1.Envelope.$Shape): pipstream.v1.Envelope & pipstream.v1.Envelope.$Shape;
            static create(properties?: pipstream.v1.Envelope.$Properties): pipstream.v1.Envelope;

            /**
             * Encodes the specified Envelope message. Does not implicitly {@link pipstream.v1.Envelope.verify|verify} messages.
             * @param message Envelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Envelope message, length delimited. Does not implicitly {@link pipstream.v1.Envelope.verify|verify} messages.
             * @param message Envelope message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Envelope message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.Envelope & pipstream.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.Envelope & pipstream.v1.Envelope.$Shape;

            /**
             * Decodes an Envelope message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.Envelope & pipstream.v1.Envelope.$Shape} Envelope
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.Envelope & pipstream.v1.Envelope.$Shape;

            /**
             * Verifies an Envelope message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Envelope
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.Envelope;

            /**
             * Creates a plain object from an Envelope message. Also converts values to other types if specified.
             * @param message Envelope
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.Envelope, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Envelope to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Envelope
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Envelope {

            /** Properties of an Envelope. */
            interface $Properties {

                /** Envelope schemaVersion */
                schemaVersion?: (number|null);

                /** Envelope type */
                type?: (pipstream.v1.EventType|null);

                /** Envelope eventId */
                eventId?: (string|null);

                /** Envelope correlationId */
                correlationId?: (string|null);

                /** Envelope causationId */
                causationId?: (string|null);

                /** Envelope sourceTsUs */
                sourceTsUs?: (number|null);

                /** Envelope ingestTsUs */
                ingestTsUs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Envelope. */
            type $Shape = pipstream.v1.Envelope.$Properties;
        }

        /**
         * Properties of an EnvelopeOnly.
         * @deprecated Use pipstream.v1.EnvelopeOnly.$Properties instead.
         */
        interface IEnvelopeOnly extends pipstream.v1.EnvelopeOnly.$Properties {
        }

        /** Represents an EnvelopeOnly. */
        class EnvelopeOnly {

            /**
             * Constructs a new EnvelopeOnly.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.EnvelopeOnly.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** EnvelopeOnly envelope. */
            envelope?: (pipstream.v1.Envelope.$Properties|null);

            /**
             * Creates a new EnvelopeOnly instance using the specified properties.
             * @param [properties] Properties to set
             * @returns EnvelopeOnly instance
             */
            static create(properties: pipstream.v1.EnvelopeOnly.$Shape): pipstream.v1.EnvelopeOnly & pipstream.v1.EnvelopeOnly.$Shape;
            static create(properties?: pipstream.v1.EnvelopeOnly.$Properties): pipstream.v1.EnvelopeOnly;

            /**
             * Encodes the specified EnvelopeOnly message. Does not implicitly {@link pipstream.v1.EnvelopeOnly.verify|verify} messages.
             * @param message EnvelopeOnly message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.EnvelopeOnly.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified EnvelopeOnly message, length delimited. Does not implicitly {@link pipstream.v1.EnvelopeOnly.verify|verify} messages.
             * @param message EnvelopeOnly message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.EnvelopeOnly.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an EnvelopeOnly message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.EnvelopeOnly & pipstream.v1.EnvelopeOnly.$Shape} EnvelopeOnly
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.EnvelopeOnly & pipstream.v1.EnvelopeOnly.$Shape;

            /**
             * Decodes an EnvelopeOnly message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.EnvelopeOnly & pipstream.v1.EnvelopeOnly.$Shape} EnvelopeOnly
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.EnvelopeOnly & pipstream.v1.EnvelopeOnly.$Shape;

            /**
             * Verifies an EnvelopeOnly message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an EnvelopeOnly message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns EnvelopeOnly
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.EnvelopeOnly;

            /**
             * Creates a plain object from an EnvelopeOnly message. Also converts values to other types if specified.
             * @param message EnvelopeOnly
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.EnvelopeOnly, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this EnvelopeOnly to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for EnvelopeOnly
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace EnvelopeOnly {

            /** Properties of an EnvelopeOnly. */
            interface $Properties {

                /** EnvelopeOnly envelope */
                envelope?: (pipstream.v1.Envelope.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an EnvelopeOnly. */
            type $Shape = pipstream.v1.EnvelopeOnly.$Properties;
        }

        /**
         * Properties of a TickEvent.
         * @deprecated Use pipstream.v1.TickEvent.$Properties instead.
         */
        interface ITickEvent extends pipstream.v1.TickEvent.$Properties {
        }

        /** Represents a TickEvent. */
        class TickEvent {

            /**
             * Constructs a new TickEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.TickEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** TickEvent envelope. */
            envelope?: (pipstream.v1.Envelope.$Properties|null);

            /** TickEvent tick. */
            tick?: (pipstream.v1.Tick.$Properties|null);

            /**
             * Creates a new TickEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns TickEvent instance
             */
            static create(properties: pipstream.v1.TickEvent.$Shape): pipstream.v1.TickEvent & pipstream.v1.TickEvent.$Shape;
            static create(properties?: pipstream.v1.TickEvent.$Properties): pipstream.v1.TickEvent;

            /**
             * Encodes the specified TickEvent message. Does not implicitly {@link pipstream.v1.TickEvent.verify|verify} messages.
             * @param message TickEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.TickEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified TickEvent message, length delimited. Does not implicitly {@link pipstream.v1.TickEvent.verify|verify} messages.
             * @param message TickEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.TickEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a TickEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.TickEvent & pipstream.v1.TickEvent.$Shape} TickEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.TickEvent & pipstream.v1.TickEvent.$Shape;

            /**
             * Decodes a TickEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.TickEvent & pipstream.v1.TickEvent.$Shape} TickEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.TickEvent & pipstream.v1.TickEvent.$Shape;

            /**
             * Verifies a TickEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a TickEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns TickEvent
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.TickEvent;

            /**
             * Creates a plain object from a TickEvent message. Also converts values to other types if specified.
             * @param message TickEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.TickEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this TickEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for TickEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace TickEvent {

            /** Properties of a TickEvent. */
            interface $Properties {

                /** TickEvent envelope */
                envelope?: (pipstream.v1.Envelope.$Properties|null);

                /** TickEvent tick */
                tick?: (pipstream.v1.Tick.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a TickEvent. */
            type $Shape = pipstream.v1.TickEvent.$Properties;
        }

        /**
         * Properties of a BarEvent.
         * @deprecated Use pipstream.v1.BarEvent.$Properties instead.
         */
        interface IBarEvent extends pipstream.v1.BarEvent.$Properties {
        }

        /** Represents a BarEvent. */
        class BarEvent {

            /**
             * Constructs a new BarEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.BarEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** BarEvent envelope. */
            envelope?: (pipstream.v1.Envelope.$Properties|null);

            /** BarEvent bar. */
            bar?: (pipstream.v1.Bar.$Properties|null);

            /**
             * Creates a new BarEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns BarEvent instance
             */
            static create(properties: pipstream.v1.BarEvent.$Shape): pipstream.v1.BarEvent & pipstream.v1.BarEvent.$Shape;
            static create(properties?: pipstream.v1.BarEvent.$Properties): pipstream.v1.BarEvent;

            /**
             * Encodes the specified BarEvent message. Does not implicitly {@link pipstream.v1.BarEvent.verify|verify} messages.
             * @param message BarEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.BarEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified BarEvent message, length delimited. Does not implicitly {@link pipstream.v1.BarEvent.verify|verify} messages.
             * @param message BarEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.BarEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a BarEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.BarEvent & pipstream.v1.BarEvent.$Shape} BarEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.BarEvent & pipstream.v1.BarEvent.$Shape;

            /**
             * Decodes a BarEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.BarEvent & pipstream.v1.BarEvent.$Shape} BarEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.BarEvent & pipstream.v1.BarEvent.$Shape;

            /**
             * Verifies a BarEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a BarEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns BarEvent
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.BarEvent;

            /**
             * Creates a plain object from a BarEvent message. Also converts values to other types if specified.
             * @param message BarEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.BarEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this BarEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for BarEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace BarEvent {

            /** Properties of a BarEvent. */
            interface $Properties {

                /** BarEvent envelope */
                envelope?: (pipstream.v1.Envelope.$Properties|null);

                /** BarEvent bar */
                bar?: (pipstream.v1.Bar.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a BarEvent. */
            type $Shape = pipstream.v1.BarEvent.$Properties;
        }

        /**
         * Properties of a SignalEvent.
         * @deprecated Use pipstream.v1.SignalEvent.$Properties instead.
         */
        interface ISignalEvent extends pipstream.v1.SignalEvent.$Properties {
        }

        /** Represents a SignalEvent. */
        class SignalEvent {

            /**
             * Constructs a new SignalEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.SignalEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SignalEvent envelope. */
            envelope?: (pipstream.v1.Envelope.$Properties|null);

            /** SignalEvent signal. */
            signal?: (pipstream.v1.Signal.$Properties|null);

            /**
             * Creates a new SignalEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SignalEvent instance
             */
            static create(properties: pipstream.v1.SignalEvent.$Shape): pipstream.v1.SignalEvent & pipstream.v1.SignalEvent.$Shape;
            static create(properties?: pipstream.v1.SignalEvent.$Properties): pipstream.v1.SignalEvent;

            /**
             * Encodes the specified SignalEvent message. Does not implicitly {@link pipstream.v1.SignalEvent.verify|verify} messages.
             * @param message SignalEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.SignalEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SignalEvent message, length delimited. Does not implicitly {@link pipstream.v1.SignalEvent.verify|verify} messages.
             * @param message SignalEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.SignalEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SignalEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.SignalEvent & pipstream.v1.SignalEvent.$Shape} SignalEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.SignalEvent & pipstream.v1.SignalEvent.$Shape;

            /**
             * Decodes a SignalEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.SignalEvent & pipstream.v1.SignalEvent.$Shape} SignalEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.SignalEvent & pipstream.v1.SignalEvent.$Shape;

            /**
             * Verifies a SignalEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SignalEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SignalEvent
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.SignalEvent;

            /**
             * Creates a plain object from a SignalEvent message. Also converts values to other types if specified.
             * @param message SignalEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.SignalEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SignalEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SignalEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SignalEvent {

            /** Properties of a SignalEvent. */
            interface $Properties {

                /** SignalEvent envelope */
                envelope?: (pipstream.v1.Envelope.$Properties|null);

                /** SignalEvent signal */
                signal?: (pipstream.v1.Signal.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SignalEvent. */
            type $Shape = pipstream.v1.SignalEvent.$Properties;
        }

        /**
         * Properties of a RejectedTickEvent.
         * @deprecated Use pipstream.v1.RejectedTickEvent.$Properties instead.
         */
        interface IRejectedTickEvent extends pipstream.v1.RejectedTickEvent.$Properties {
        }

        /** Represents a RejectedTickEvent. */
        class RejectedTickEvent {

            /**
             * Constructs a new RejectedTickEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.RejectedTickEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RejectedTickEvent envelope. */
            envelope?: (pipstream.v1.Envelope.$Properties|null);

            /** RejectedTickEvent rejectedTick. */
            rejectedTick?: (pipstream.v1.RejectedTick.$Properties|null);

            /**
             * Creates a new RejectedTickEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RejectedTickEvent instance
             */
            static create(properties: pipstream.v1.RejectedTickEvent.$Shape): pipstream.v1.RejectedTickEvent & pipstream.v1.RejectedTickEvent.$Shape;
            static create(properties?: pipstream.v1.RejectedTickEvent.$Properties): pipstream.v1.RejectedTickEvent;

            /**
             * Encodes the specified RejectedTickEvent message. Does not implicitly {@link pipstream.v1.RejectedTickEvent.verify|verify} messages.
             * @param message RejectedTickEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.RejectedTickEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RejectedTickEvent message, length delimited. Does not implicitly {@link pipstream.v1.RejectedTickEvent.verify|verify} messages.
             * @param message RejectedTickEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.RejectedTickEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RejectedTickEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.RejectedTickEvent & pipstream.v1.RejectedTickEvent.$Shape} RejectedTickEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.RejectedTickEvent & pipstream.v1.RejectedTickEvent.$Shape;

            /**
             * Decodes a RejectedTickEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.RejectedTickEvent & pipstream.v1.RejectedTickEvent.$Shape} RejectedTickEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.RejectedTickEvent & pipstream.v1.RejectedTickEvent.$Shape;

            /**
             * Verifies a RejectedTickEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RejectedTickEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RejectedTickEvent
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.RejectedTickEvent;

            /**
             * Creates a plain object from a RejectedTickEvent message. Also converts values to other types if specified.
             * @param message RejectedTickEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.RejectedTickEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RejectedTickEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RejectedTickEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RejectedTickEvent {

            /** Properties of a RejectedTickEvent. */
            interface $Properties {

                /** RejectedTickEvent envelope */
                envelope?: (pipstream.v1.Envelope.$Properties|null);

                /** RejectedTickEvent rejectedTick */
                rejectedTick?: (pipstream.v1.RejectedTick.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RejectedTickEvent. */
            type $Shape = pipstream.v1.RejectedTickEvent.$Properties;
        }

        /**
         * Properties of an InstrumentRegisteredEvent.
         * @deprecated Use pipstream.v1.InstrumentRegisteredEvent.$Properties instead.
         */
        interface IInstrumentRegisteredEvent extends pipstream.v1.InstrumentRegisteredEvent.$Properties {
        }

        /** Represents an InstrumentRegisteredEvent. */
        class InstrumentRegisteredEvent {

            /**
             * Constructs a new InstrumentRegisteredEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.InstrumentRegisteredEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** InstrumentRegisteredEvent envelope. */
            envelope?: (pipstream.v1.Envelope.$Properties|null);

            /** InstrumentRegisteredEvent instrumentRegistered. */
            instrumentRegistered?: (pipstream.v1.InstrumentRegistered.$Properties|null);

            /**
             * Creates a new InstrumentRegisteredEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns InstrumentRegisteredEvent instance
             */
            static create(properties: pipstream.v1.InstrumentRegisteredEvent.$Shape): pipstream.v1.InstrumentRegisteredEvent & pipstream.v1.InstrumentRegisteredEvent.$Shape;
            static create(properties?: pipstream.v1.InstrumentRegisteredEvent.$Properties): pipstream.v1.InstrumentRegisteredEvent;

            /**
             * Encodes the specified InstrumentRegisteredEvent message. Does not implicitly {@link pipstream.v1.InstrumentRegisteredEvent.verify|verify} messages.
             * @param message InstrumentRegisteredEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.InstrumentRegisteredEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified InstrumentRegisteredEvent message, length delimited. Does not implicitly {@link pipstream.v1.InstrumentRegisteredEvent.verify|verify} messages.
             * @param message InstrumentRegisteredEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.InstrumentRegisteredEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an InstrumentRegisteredEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.InstrumentRegisteredEvent & pipstream.v1.InstrumentRegisteredEvent.$Shape} InstrumentRegisteredEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.InstrumentRegisteredEvent & pipstream.v1.InstrumentRegisteredEvent.$Shape;

            /**
             * Decodes an InstrumentRegisteredEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.InstrumentRegisteredEvent & pipstream.v1.InstrumentRegisteredEvent.$Shape} InstrumentRegisteredEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.InstrumentRegisteredEvent & pipstream.v1.InstrumentRegisteredEvent.$Shape;

            /**
             * Verifies an InstrumentRegisteredEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an InstrumentRegisteredEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns InstrumentRegisteredEvent
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.InstrumentRegisteredEvent;

            /**
             * Creates a plain object from an InstrumentRegisteredEvent message. Also converts values to other types if specified.
             * @param message InstrumentRegisteredEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.InstrumentRegisteredEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this InstrumentRegisteredEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for InstrumentRegisteredEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace InstrumentRegisteredEvent {

            /** Properties of an InstrumentRegisteredEvent. */
            interface $Properties {

                /** InstrumentRegisteredEvent envelope */
                envelope?: (pipstream.v1.Envelope.$Properties|null);

                /** InstrumentRegisteredEvent instrumentRegistered */
                instrumentRegistered?: (pipstream.v1.InstrumentRegistered.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an InstrumentRegisteredEvent. */
            type $Shape = pipstream.v1.InstrumentRegisteredEvent.$Properties;
        }

        /**
         * Properties of a WorkflowChangedEvent.
         * @deprecated Use pipstream.v1.WorkflowChangedEvent.$Properties instead.
         */
        interface IWorkflowChangedEvent extends pipstream.v1.WorkflowChangedEvent.$Properties {
        }

        /** Represents a WorkflowChangedEvent. */
        class WorkflowChangedEvent {

            /**
             * Constructs a new WorkflowChangedEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.WorkflowChangedEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** WorkflowChangedEvent envelope. */
            envelope?: (pipstream.v1.Envelope.$Properties|null);

            /** WorkflowChangedEvent workflowChanged. */
            workflowChanged?: (pipstream.v1.WorkflowChanged.$Properties|null);

            /**
             * Creates a new WorkflowChangedEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns WorkflowChangedEvent instance
             */
            static create(properties: pipstream.v1.WorkflowChangedEvent.$Shape): pipstream.v1.WorkflowChangedEvent & pipstream.v1.WorkflowChangedEvent.$Shape;
            static create(properties?: pipstream.v1.WorkflowChangedEvent.$Properties): pipstream.v1.WorkflowChangedEvent;

            /**
             * Encodes the specified WorkflowChangedEvent message. Does not implicitly {@link pipstream.v1.WorkflowChangedEvent.verify|verify} messages.
             * @param message WorkflowChangedEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.WorkflowChangedEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified WorkflowChangedEvent message, length delimited. Does not implicitly {@link pipstream.v1.WorkflowChangedEvent.verify|verify} messages.
             * @param message WorkflowChangedEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.WorkflowChangedEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a WorkflowChangedEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.WorkflowChangedEvent & pipstream.v1.WorkflowChangedEvent.$Shape} WorkflowChangedEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.WorkflowChangedEvent & pipstream.v1.WorkflowChangedEvent.$Shape;

            /**
             * Decodes a WorkflowChangedEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.WorkflowChangedEvent & pipstream.v1.WorkflowChangedEvent.$Shape} WorkflowChangedEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.WorkflowChangedEvent & pipstream.v1.WorkflowChangedEvent.$Shape;

            /**
             * Verifies a WorkflowChangedEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a WorkflowChangedEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns WorkflowChangedEvent
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.WorkflowChangedEvent;

            /**
             * Creates a plain object from a WorkflowChangedEvent message. Also converts values to other types if specified.
             * @param message WorkflowChangedEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.WorkflowChangedEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this WorkflowChangedEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for WorkflowChangedEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace WorkflowChangedEvent {

            /** Properties of a WorkflowChangedEvent. */
            interface $Properties {

                /** WorkflowChangedEvent envelope */
                envelope?: (pipstream.v1.Envelope.$Properties|null);

                /** WorkflowChangedEvent workflowChanged */
                workflowChanged?: (pipstream.v1.WorkflowChanged.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a WorkflowChangedEvent. */
            type $Shape = pipstream.v1.WorkflowChangedEvent.$Properties;
        }

        /**
         * Properties of an OrderUpdateEvent.
         * @deprecated Use pipstream.v1.OrderUpdateEvent.$Properties instead.
         */
        interface IOrderUpdateEvent extends pipstream.v1.OrderUpdateEvent.$Properties {
        }

        /** Represents an OrderUpdateEvent. */
        class OrderUpdateEvent {

            /**
             * Constructs a new OrderUpdateEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.OrderUpdateEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** OrderUpdateEvent envelope. */
            envelope?: (pipstream.v1.Envelope.$Properties|null);

            /** OrderUpdateEvent orderUpdate. */
            orderUpdate?: (pipstream.v1.OrderUpdate.$Properties|null);

            /**
             * Creates a new OrderUpdateEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns OrderUpdateEvent instance
             */
            static create(properties: pipstream.v1.OrderUpdateEvent.$Shape): pipstream.v1.OrderUpdateEvent & pipstream.v1.OrderUpdateEvent.$Shape;
            static create(properties?: pipstream.v1.OrderUpdateEvent.$Properties): pipstream.v1.OrderUpdateEvent;

            /**
             * Encodes the specified OrderUpdateEvent message. Does not implicitly {@link pipstream.v1.OrderUpdateEvent.verify|verify} messages.
             * @param message OrderUpdateEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.OrderUpdateEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified OrderUpdateEvent message, length delimited. Does not implicitly {@link pipstream.v1.OrderUpdateEvent.verify|verify} messages.
             * @param message OrderUpdateEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.OrderUpdateEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an OrderUpdateEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.OrderUpdateEvent & pipstream.v1.OrderUpdateEvent.$Shape} OrderUpdateEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.OrderUpdateEvent & pipstream.v1.OrderUpdateEvent.$Shape;

            /**
             * Decodes an OrderUpdateEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.OrderUpdateEvent & pipstream.v1.OrderUpdateEvent.$Shape} OrderUpdateEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.OrderUpdateEvent & pipstream.v1.OrderUpdateEvent.$Shape;

            /**
             * Verifies an OrderUpdateEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an OrderUpdateEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns OrderUpdateEvent
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.OrderUpdateEvent;

            /**
             * Creates a plain object from an OrderUpdateEvent message. Also converts values to other types if specified.
             * @param message OrderUpdateEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.OrderUpdateEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this OrderUpdateEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for OrderUpdateEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace OrderUpdateEvent {

            /** Properties of an OrderUpdateEvent. */
            interface $Properties {

                /** OrderUpdateEvent envelope */
                envelope?: (pipstream.v1.Envelope.$Properties|null);

                /** OrderUpdateEvent orderUpdate */
                orderUpdate?: (pipstream.v1.OrderUpdate.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an OrderUpdateEvent. */
            type $Shape = pipstream.v1.OrderUpdateEvent.$Properties;
        }

        /**
         * Properties of a RiskDecisionEvent.
         * @deprecated Use pipstream.v1.RiskDecisionEvent.$Properties instead.
         */
        interface IRiskDecisionEvent extends pipstream.v1.RiskDecisionEvent.$Properties {
        }

        /** Represents a RiskDecisionEvent. */
        class RiskDecisionEvent {

            /**
             * Constructs a new RiskDecisionEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.RiskDecisionEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RiskDecisionEvent envelope. */
            envelope?: (pipstream.v1.Envelope.$Properties|null);

            /** RiskDecisionEvent riskDecision. */
            riskDecision?: (pipstream.v1.RiskDecision.$Properties|null);

            /**
             * Creates a new RiskDecisionEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RiskDecisionEvent instance
             */
            static create(properties: pipstream.v1.RiskDecisionEvent.$Shape): pipstream.v1.RiskDecisionEvent & pipstream.v1.RiskDecisionEvent.$Shape;
            static create(properties?: pipstream.v1.RiskDecisionEvent.$Properties): pipstream.v1.RiskDecisionEvent;

            /**
             * Encodes the specified RiskDecisionEvent message. Does not implicitly {@link pipstream.v1.RiskDecisionEvent.verify|verify} messages.
             * @param message RiskDecisionEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.RiskDecisionEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RiskDecisionEvent message, length delimited. Does not implicitly {@link pipstream.v1.RiskDecisionEvent.verify|verify} messages.
             * @param message RiskDecisionEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.RiskDecisionEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RiskDecisionEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.RiskDecisionEvent & pipstream.v1.RiskDecisionEvent.$Shape} RiskDecisionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.RiskDecisionEvent & pipstream.v1.RiskDecisionEvent.$Shape;

            /**
             * Decodes a RiskDecisionEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.RiskDecisionEvent & pipstream.v1.RiskDecisionEvent.$Shape} RiskDecisionEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.RiskDecisionEvent & pipstream.v1.RiskDecisionEvent.$Shape;

            /**
             * Verifies a RiskDecisionEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RiskDecisionEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RiskDecisionEvent
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.RiskDecisionEvent;

            /**
             * Creates a plain object from a RiskDecisionEvent message. Also converts values to other types if specified.
             * @param message RiskDecisionEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.RiskDecisionEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RiskDecisionEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RiskDecisionEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RiskDecisionEvent {

            /** Properties of a RiskDecisionEvent. */
            interface $Properties {

                /** RiskDecisionEvent envelope */
                envelope?: (pipstream.v1.Envelope.$Properties|null);

                /** RiskDecisionEvent riskDecision */
                riskDecision?: (pipstream.v1.RiskDecision.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RiskDecisionEvent. */
            type $Shape = pipstream.v1.RiskDecisionEvent.$Properties;
        }

        /**
         * Properties of a NotificationEvent.
         * @deprecated Use pipstream.v1.NotificationEvent.$Properties instead.
         */
        interface INotificationEvent extends pipstream.v1.NotificationEvent.$Properties {
        }

        /** Represents a NotificationEvent. */
        class NotificationEvent {

            /**
             * Constructs a new NotificationEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.NotificationEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** NotificationEvent envelope. */
            envelope?: (pipstream.v1.Envelope.$Properties|null);

            /** NotificationEvent notification. */
            notification?: (pipstream.v1.Notification.$Properties|null);

            /**
             * Creates a new NotificationEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns NotificationEvent instance
             */
            static create(properties: pipstream.v1.NotificationEvent.$Shape): pipstream.v1.NotificationEvent & pipstream.v1.NotificationEvent.$Shape;
            static create(properties?: pipstream.v1.NotificationEvent.$Properties): pipstream.v1.NotificationEvent;

            /**
             * Encodes the specified NotificationEvent message. Does not implicitly {@link pipstream.v1.NotificationEvent.verify|verify} messages.
             * @param message NotificationEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.NotificationEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified NotificationEvent message, length delimited. Does not implicitly {@link pipstream.v1.NotificationEvent.verify|verify} messages.
             * @param message NotificationEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.NotificationEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a NotificationEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.NotificationEvent & pipstream.v1.NotificationEvent.$Shape} NotificationEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.NotificationEvent & pipstream.v1.NotificationEvent.$Shape;

            /**
             * Decodes a NotificationEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.NotificationEvent & pipstream.v1.NotificationEvent.$Shape} NotificationEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.NotificationEvent & pipstream.v1.NotificationEvent.$Shape;

            /**
             * Verifies a NotificationEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a NotificationEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns NotificationEvent
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.NotificationEvent;

            /**
             * Creates a plain object from a NotificationEvent message. Also converts values to other types if specified.
             * @param message NotificationEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.NotificationEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this NotificationEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for NotificationEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace NotificationEvent {

            /** Properties of a NotificationEvent. */
            interface $Properties {

                /** NotificationEvent envelope */
                envelope?: (pipstream.v1.Envelope.$Properties|null);

                /** NotificationEvent notification */
                notification?: (pipstream.v1.Notification.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a NotificationEvent. */
            type $Shape = pipstream.v1.NotificationEvent.$Properties;
        }

        /**
         * Properties of a PositionUpdateEvent.
         * @deprecated Use pipstream.v1.PositionUpdateEvent.$Properties instead.
         */
        interface IPositionUpdateEvent extends pipstream.v1.PositionUpdateEvent.$Properties {
        }

        /** Represents a PositionUpdateEvent. */
        class PositionUpdateEvent {

            /**
             * Constructs a new PositionUpdateEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.PositionUpdateEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PositionUpdateEvent envelope. */
            envelope?: (pipstream.v1.Envelope.$Properties|null);

            /** PositionUpdateEvent positionUpdate. */
            positionUpdate?: (pipstream.v1.PositionUpdate.$Properties|null);

            /**
             * Creates a new PositionUpdateEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PositionUpdateEvent instance
             */
            static create(properties: pipstream.v1.PositionUpdateEvent.$Shape): pipstream.v1.PositionUpdateEvent & pipstream.v1.PositionUpdateEvent.$Shape;
            static create(properties?: pipstream.v1.PositionUpdateEvent.$Properties): pipstream.v1.PositionUpdateEvent;

            /**
             * Encodes the specified PositionUpdateEvent message. Does not implicitly {@link pipstream.v1.PositionUpdateEvent.verify|verify} messages.
             * @param message PositionUpdateEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.PositionUpdateEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PositionUpdateEvent message, length delimited. Does not implicitly {@link pipstream.v1.PositionUpdateEvent.verify|verify} messages.
             * @param message PositionUpdateEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.PositionUpdateEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PositionUpdateEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.PositionUpdateEvent & pipstream.v1.PositionUpdateEvent.$Shape} PositionUpdateEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.PositionUpdateEvent & pipstream.v1.PositionUpdateEvent.$Shape;

            /**
             * Decodes a PositionUpdateEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.PositionUpdateEvent & pipstream.v1.PositionUpdateEvent.$Shape} PositionUpdateEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.PositionUpdateEvent & pipstream.v1.PositionUpdateEvent.$Shape;

            /**
             * Verifies a PositionUpdateEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a PositionUpdateEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PositionUpdateEvent
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.PositionUpdateEvent;

            /**
             * Creates a plain object from a PositionUpdateEvent message. Also converts values to other types if specified.
             * @param message PositionUpdateEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.PositionUpdateEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PositionUpdateEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PositionUpdateEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PositionUpdateEvent {

            /** Properties of a PositionUpdateEvent. */
            interface $Properties {

                /** PositionUpdateEvent envelope */
                envelope?: (pipstream.v1.Envelope.$Properties|null);

                /** PositionUpdateEvent positionUpdate */
                positionUpdate?: (pipstream.v1.PositionUpdate.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PositionUpdateEvent. */
            type $Shape = pipstream.v1.PositionUpdateEvent.$Properties;
        }

        /**
         * Properties of a PnlSampleEvent.
         * @deprecated Use pipstream.v1.PnlSampleEvent.$Properties instead.
         */
        interface IPnlSampleEvent extends pipstream.v1.PnlSampleEvent.$Properties {
        }

        /** Represents a PnlSampleEvent. */
        class PnlSampleEvent {

            /**
             * Constructs a new PnlSampleEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.PnlSampleEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PnlSampleEvent envelope. */
            envelope?: (pipstream.v1.Envelope.$Properties|null);

            /** PnlSampleEvent pnlSample. */
            pnlSample?: (pipstream.v1.PnlSample.$Properties|null);

            /**
             * Creates a new PnlSampleEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PnlSampleEvent instance
             */
            static create(properties: pipstream.v1.PnlSampleEvent.$Shape): pipstream.v1.PnlSampleEvent & pipstream.v1.PnlSampleEvent.$Shape;
            static create(properties?: pipstream.v1.PnlSampleEvent.$Properties): pipstream.v1.PnlSampleEvent;

            /**
             * Encodes the specified PnlSampleEvent message. Does not implicitly {@link pipstream.v1.PnlSampleEvent.verify|verify} messages.
             * @param message PnlSampleEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.PnlSampleEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PnlSampleEvent message, length delimited. Does not implicitly {@link pipstream.v1.PnlSampleEvent.verify|verify} messages.
             * @param message PnlSampleEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.PnlSampleEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PnlSampleEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.PnlSampleEvent & pipstream.v1.PnlSampleEvent.$Shape} PnlSampleEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.PnlSampleEvent & pipstream.v1.PnlSampleEvent.$Shape;

            /**
             * Decodes a PnlSampleEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.PnlSampleEvent & pipstream.v1.PnlSampleEvent.$Shape} PnlSampleEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.PnlSampleEvent & pipstream.v1.PnlSampleEvent.$Shape;

            /**
             * Verifies a PnlSampleEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a PnlSampleEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PnlSampleEvent
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.PnlSampleEvent;

            /**
             * Creates a plain object from a PnlSampleEvent message. Also converts values to other types if specified.
             * @param message PnlSampleEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.PnlSampleEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PnlSampleEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PnlSampleEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PnlSampleEvent {

            /** Properties of a PnlSampleEvent. */
            interface $Properties {

                /** PnlSampleEvent envelope */
                envelope?: (pipstream.v1.Envelope.$Properties|null);

                /** PnlSampleEvent pnlSample */
                pnlSample?: (pipstream.v1.PnlSample.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PnlSampleEvent. */
            type $Shape = pipstream.v1.PnlSampleEvent.$Properties;
        }

        /**
         * Properties of a LatencySampleEvent.
         * @deprecated Use pipstream.v1.LatencySampleEvent.$Properties instead.
         */
        interface ILatencySampleEvent extends pipstream.v1.LatencySampleEvent.$Properties {
        }

        /** Represents a LatencySampleEvent. */
        class LatencySampleEvent {

            /**
             * Constructs a new LatencySampleEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.LatencySampleEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LatencySampleEvent envelope. */
            envelope?: (pipstream.v1.Envelope.$Properties|null);

            /** LatencySampleEvent latencySample. */
            latencySample?: (pipstream.v1.LatencySample.$Properties|null);

            /**
             * Creates a new LatencySampleEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LatencySampleEvent instance
             */
            static create(properties: pipstream.v1.LatencySampleEvent.$Shape): pipstream.v1.LatencySampleEvent & pipstream.v1.LatencySampleEvent.$Shape;
            static create(properties?: pipstream.v1.LatencySampleEvent.$Properties): pipstream.v1.LatencySampleEvent;

            /**
             * Encodes the specified LatencySampleEvent message. Does not implicitly {@link pipstream.v1.LatencySampleEvent.verify|verify} messages.
             * @param message LatencySampleEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.LatencySampleEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified LatencySampleEvent message, length delimited. Does not implicitly {@link pipstream.v1.LatencySampleEvent.verify|verify} messages.
             * @param message LatencySampleEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.LatencySampleEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LatencySampleEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.LatencySampleEvent & pipstream.v1.LatencySampleEvent.$Shape} LatencySampleEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.LatencySampleEvent & pipstream.v1.LatencySampleEvent.$Shape;

            /**
             * Decodes a LatencySampleEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.LatencySampleEvent & pipstream.v1.LatencySampleEvent.$Shape} LatencySampleEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.LatencySampleEvent & pipstream.v1.LatencySampleEvent.$Shape;

            /**
             * Verifies a LatencySampleEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LatencySampleEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LatencySampleEvent
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.LatencySampleEvent;

            /**
             * Creates a plain object from a LatencySampleEvent message. Also converts values to other types if specified.
             * @param message LatencySampleEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.LatencySampleEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LatencySampleEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for LatencySampleEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace LatencySampleEvent {

            /** Properties of a LatencySampleEvent. */
            interface $Properties {

                /** LatencySampleEvent envelope */
                envelope?: (pipstream.v1.Envelope.$Properties|null);

                /** LatencySampleEvent latencySample */
                latencySample?: (pipstream.v1.LatencySample.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LatencySampleEvent. */
            type $Shape = pipstream.v1.LatencySampleEvent.$Properties;
        }

        /**
         * Properties of a DeadLetterEvent.
         * @deprecated Use pipstream.v1.DeadLetterEvent.$Properties instead.
         */
        interface IDeadLetterEvent extends pipstream.v1.DeadLetterEvent.$Properties {
        }

        /** Represents a DeadLetterEvent. */
        class DeadLetterEvent {

            /**
             * Constructs a new DeadLetterEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.DeadLetterEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DeadLetterEvent envelope. */
            envelope?: (pipstream.v1.Envelope.$Properties|null);

            /** DeadLetterEvent deadLetter. */
            deadLetter?: (pipstream.v1.DeadLetter.$Properties|null);

            /**
             * Creates a new DeadLetterEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DeadLetterEvent instance
             */
            static create(properties: pipstream.v1.DeadLetterEvent.$Shape): pipstream.v1.DeadLetterEvent & pipstream.v1.DeadLetterEvent.$Shape;
            static create(properties?: pipstream.v1.DeadLetterEvent.$Properties): pipstream.v1.DeadLetterEvent;

            /**
             * Encodes the specified DeadLetterEvent message. Does not implicitly {@link pipstream.v1.DeadLetterEvent.verify|verify} messages.
             * @param message DeadLetterEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.DeadLetterEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified DeadLetterEvent message, length delimited. Does not implicitly {@link pipstream.v1.DeadLetterEvent.verify|verify} messages.
             * @param message DeadLetterEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.DeadLetterEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DeadLetterEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.DeadLetterEvent & pipstream.v1.DeadLetterEvent.$Shape} DeadLetterEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.DeadLetterEvent & pipstream.v1.DeadLetterEvent.$Shape;

            /**
             * Decodes a DeadLetterEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.DeadLetterEvent & pipstream.v1.DeadLetterEvent.$Shape} DeadLetterEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.DeadLetterEvent & pipstream.v1.DeadLetterEvent.$Shape;

            /**
             * Verifies a DeadLetterEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a DeadLetterEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns DeadLetterEvent
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.DeadLetterEvent;

            /**
             * Creates a plain object from a DeadLetterEvent message. Also converts values to other types if specified.
             * @param message DeadLetterEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.DeadLetterEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DeadLetterEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for DeadLetterEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeadLetterEvent {

            /** Properties of a DeadLetterEvent. */
            interface $Properties {

                /** DeadLetterEvent envelope */
                envelope?: (pipstream.v1.Envelope.$Properties|null);

                /** DeadLetterEvent deadLetter */
                deadLetter?: (pipstream.v1.DeadLetter.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DeadLetterEvent. */
            type $Shape = pipstream.v1.DeadLetterEvent.$Properties;
        }

        /**
         * Properties of a Tick.
         * @deprecated Use pipstream.v1.Tick.$Properties instead.
         */
        interface ITick extends pipstream.v1.Tick.$Properties {
        }

        /** Represents a Tick. */
        class Tick {

            /**
             * Constructs a new Tick.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.Tick.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Tick instrument. */
            instrument: string;

            /** Tick timeMs. */
            timeMs: number;

            /** Tick seq. */
            seq: number;

            /** Tick bid. */
            bid: number;

            /** Tick ask. */
            ask: number;

            /** Tick source. */
            source: string;

            /**
             * Creates a new Tick instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Tick instance
             */
            static create(properties: pipstream.v1.Tick.$Shape): pipstream.v1.Tick & pipstream.v1.Tick.$Shape;
            static create(properties?: pipstream.v1.Tick.$Properties): pipstream.v1.Tick;

            /**
             * Encodes the specified Tick message. Does not implicitly {@link pipstream.v1.Tick.verify|verify} messages.
             * @param message Tick message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.Tick.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Tick message, length delimited. Does not implicitly {@link pipstream.v1.Tick.verify|verify} messages.
             * @param message Tick message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.Tick.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Tick message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.Tick & pipstream.v1.Tick.$Shape} Tick
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.Tick & pipstream.v1.Tick.$Shape;

            /**
             * Decodes a Tick message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.Tick & pipstream.v1.Tick.$Shape} Tick
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.Tick & pipstream.v1.Tick.$Shape;

            /**
             * Verifies a Tick message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Tick message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Tick
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.Tick;

            /**
             * Creates a plain object from a Tick message. Also converts values to other types if specified.
             * @param message Tick
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.Tick, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Tick to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Tick
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Tick {

            /** Properties of a Tick. */
            interface $Properties {

                /** Tick instrument */
                instrument?: (string|null);

                /** Tick timeMs */
                timeMs?: (number|null);

                /** Tick seq */
                seq?: (number|null);

                /** Tick bid */
                bid?: (number|null);

                /** Tick ask */
                ask?: (number|null);

                /** Tick source */
                source?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Tick. */
            type $Shape = pipstream.v1.Tick.$Properties;
        }

        /**
         * Properties of a Bar.
         * @deprecated Use pipstream.v1.Bar.$Properties instead.
         */
        interface IBar extends pipstream.v1.Bar.$Properties {
        }

        /** Represents a Bar. */
        class Bar {

            /**
             * Constructs a new Bar.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.Bar.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Bar instrument. */
            instrument: string;

            /** Bar timeframeMs. */
            timeframeMs: number;

            /** Bar startMs. */
            startMs: number;

            /** Bar open. */
            open: number;

            /** Bar high. */
            high: number;

            /** Bar low. */
            low: number;

            /** Bar close. */
            close: number;

            /** Bar tickCount. */
            tickCount: number;

            /**
             * Creates a new Bar instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Bar instance
             */
            static create(properties: pipstream.v1.Bar.$Shape): pipstream.v1.Bar & pipstream.v1.Bar.$Shape;
            static create(properties?: pipstream.v1.Bar.$Properties): pipstream.v1.Bar;

            /**
             * Encodes the specified Bar message. Does not implicitly {@link pipstream.v1.Bar.verify|verify} messages.
             * @param message Bar message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.Bar.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Bar message, length delimited. Does not implicitly {@link pipstream.v1.Bar.verify|verify} messages.
             * @param message Bar message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.Bar.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Bar message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.Bar & pipstream.v1.Bar.$Shape} Bar
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.Bar & pipstream.v1.Bar.$Shape;

            /**
             * Decodes a Bar message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.Bar & pipstream.v1.Bar.$Shape} Bar
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.Bar & pipstream.v1.Bar.$Shape;

            /**
             * Verifies a Bar message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Bar message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Bar
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.Bar;

            /**
             * Creates a plain object from a Bar message. Also converts values to other types if specified.
             * @param message Bar
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.Bar, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Bar to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Bar
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Bar {

            /** Properties of a Bar. */
            interface $Properties {

                /** Bar instrument */
                instrument?: (string|null);

                /** Bar timeframeMs */
                timeframeMs?: (number|null);

                /** Bar startMs */
                startMs?: (number|null);

                /** Bar open */
                open?: (number|null);

                /** Bar high */
                high?: (number|null);

                /** Bar low */
                low?: (number|null);

                /** Bar close */
                close?: (number|null);

                /** Bar tickCount */
                tickCount?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Bar. */
            type $Shape = pipstream.v1.Bar.$Properties;
        }

        /**
         * Properties of a RejectedTick.
         * @deprecated Use pipstream.v1.RejectedTick.$Properties instead.
         */
        interface IRejectedTick extends pipstream.v1.RejectedTick.$Properties {
        }

        /** Represents a RejectedTick. */
        class RejectedTick {

            /**
             * Constructs a new RejectedTick.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.RejectedTick.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RejectedTick instrument. */
            instrument: string;

            /** RejectedTick timeMs. */
            timeMs: number;

            /** RejectedTick bid. */
            bid: number;

            /** RejectedTick ask. */
            ask: number;

            /** RejectedTick reason. */
            reason: string;

            /** RejectedTick source. */
            source: string;

            /** RejectedTick seq. */
            seq: number;

            /**
             * Creates a new RejectedTick instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RejectedTick instance
             */
            static create(properties: pipstream.v1.RejectedTick.$Shape): pipstream.v1.RejectedTick & pipstream.v1.RejectedTick.$Shape;
            static create(properties?: pipstream.v1.RejectedTick.$Properties): pipstream.v1.RejectedTick;

            /**
             * Encodes the specified RejectedTick message. Does not implicitly {@link pipstream.v1.RejectedTick.verify|verify} messages.
             * @param message RejectedTick message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.RejectedTick.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RejectedTick message, length delimited. Does not implicitly {@link pipstream.v1.RejectedTick.verify|verify} messages.
             * @param message RejectedTick message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.RejectedTick.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RejectedTick message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.RejectedTick & pipstream.v1.RejectedTick.$Shape} RejectedTick
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.RejectedTick & pipstream.v1.RejectedTick.$Shape;

            /**
             * Decodes a RejectedTick message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.RejectedTick & pipstream.v1.RejectedTick.$Shape} RejectedTick
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.RejectedTick & pipstream.v1.RejectedTick.$Shape;

            /**
             * Verifies a RejectedTick message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RejectedTick message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RejectedTick
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.RejectedTick;

            /**
             * Creates a plain object from a RejectedTick message. Also converts values to other types if specified.
             * @param message RejectedTick
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.RejectedTick, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RejectedTick to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RejectedTick
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RejectedTick {

            /** Properties of a RejectedTick. */
            interface $Properties {

                /** RejectedTick instrument */
                instrument?: (string|null);

                /** RejectedTick timeMs */
                timeMs?: (number|null);

                /** RejectedTick bid */
                bid?: (number|null);

                /** RejectedTick ask */
                ask?: (number|null);

                /** RejectedTick reason */
                reason?: (string|null);

                /** RejectedTick source */
                source?: (string|null);

                /** RejectedTick seq */
                seq?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RejectedTick. */
            type $Shape = pipstream.v1.RejectedTick.$Properties;
        }

        /**
         * Properties of a Notification.
         * @deprecated Use pipstream.v1.Notification.$Properties instead.
         */
        interface INotification extends pipstream.v1.Notification.$Properties {
        }

        /** Represents a Notification. */
        class Notification {

            /**
             * Constructs a new Notification.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.Notification.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Notification id. */
            id: string;

            /** Notification kind. */
            kind: string;

            /** Notification account. */
            account: string;

            /** Notification instrument. */
            instrument: string;

            /** Notification message. */
            message: string;

            /** Notification timeMs. */
            timeMs: number;

            /** Notification signalId. */
            signalId: string;

            /** Notification workflowId. */
            workflowId: string;

            /** Notification workflowVersion. */
            workflowVersion: number;

            /** Notification nodeId. */
            nodeId: string;

            /** Notification price. */
            price: number;

            /** Notification bid. */
            bid: number;

            /** Notification ask. */
            ask: number;

            /**
             * Creates a new Notification instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Notification instance
             */
            static create(properties: pipstream.v1.Notification.$Shape): pipstream.v1.Notification & pipstream.v1.Notification.$Shape;
            static create(properties?: pipstream.v1.Notification.$Properties): pipstream.v1.Notification;

            /**
             * Encodes the specified Notification message. Does not implicitly {@link pipstream.v1.Notification.verify|verify} messages.
             * @param message Notification message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.Notification.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Notification message, length delimited. Does not implicitly {@link pipstream.v1.Notification.verify|verify} messages.
             * @param message Notification message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.Notification.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Notification message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.Notification & pipstream.v1.Notification.$Shape} Notification
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.Notification & pipstream.v1.Notification.$Shape;

            /**
             * Decodes a Notification message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.Notification & pipstream.v1.Notification.$Shape} Notification
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.Notification & pipstream.v1.Notification.$Shape;

            /**
             * Verifies a Notification message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Notification message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Notification
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.Notification;

            /**
             * Creates a plain object from a Notification message. Also converts values to other types if specified.
             * @param message Notification
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.Notification, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Notification to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Notification
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Notification {

            /** Properties of a Notification. */
            interface $Properties {

                /** Notification id */
                id?: (string|null);

                /** Notification kind */
                kind?: (string|null);

                /** Notification account */
                account?: (string|null);

                /** Notification instrument */
                instrument?: (string|null);

                /** Notification message */
                message?: (string|null);

                /** Notification timeMs */
                timeMs?: (number|null);

                /** Notification signalId */
                signalId?: (string|null);

                /** Notification workflowId */
                workflowId?: (string|null);

                /** Notification workflowVersion */
                workflowVersion?: (number|null);

                /** Notification nodeId */
                nodeId?: (string|null);

                /** Notification price */
                price?: (number|null);

                /** Notification bid */
                bid?: (number|null);

                /** Notification ask */
                ask?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Notification. */
            type $Shape = pipstream.v1.Notification.$Properties;
        }

        /** OrderState enum. */
        enum OrderState {

            /** ORDER_STATE_UNSPECIFIED value */
            ORDER_STATE_UNSPECIFIED = 0,

            /** ORDER_STATE_PENDING_CONFIRMATION value */
            ORDER_STATE_PENDING_CONFIRMATION = 1,

            /** ORDER_STATE_CONFIRMED value */
            ORDER_STATE_CONFIRMED = 2,

            /** ORDER_STATE_EXPIRED value */
            ORDER_STATE_EXPIRED = 3,

            /** ORDER_STATE_REJECTED_BY_USER value */
            ORDER_STATE_REJECTED_BY_USER = 4,

            /** ORDER_STATE_RISK_REJECTED value */
            ORDER_STATE_RISK_REJECTED = 5,

            /** ORDER_STATE_SUBMITTED value */
            ORDER_STATE_SUBMITTED = 6,

            /** ORDER_STATE_FILLED value */
            ORDER_STATE_FILLED = 7,

            /** ORDER_STATE_REJECTED value */
            ORDER_STATE_REJECTED = 8,

            /** ORDER_STATE_CANCELLED value */
            ORDER_STATE_CANCELLED = 9
        }

        /**
         * Properties of an OrderUpdate.
         * @deprecated Use pipstream.v1.OrderUpdate.$Properties instead.
         */
        interface IOrderUpdate extends pipstream.v1.OrderUpdate.$Properties {
        }

        /** Represents an OrderUpdate. */
        class OrderUpdate {

            /**
             * Constructs a new OrderUpdate.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.OrderUpdate.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** OrderUpdate orderId. */
            orderId: string;

            /** OrderUpdate signalId. */
            signalId: string;

            /** OrderUpdate account. */
            account: string;

            /** OrderUpdate instrument. */
            instrument: string;

            /** OrderUpdate state. */
            state: pipstream.v1.OrderState;

            /** OrderUpdate side. */
            side: pipstream.v1.Side;

            /** OrderUpdate units. */
            units: number;

            /** OrderUpdate timeMs. */
            timeMs: number;

            /** OrderUpdate broker. */
            broker: string;

            /** OrderUpdate price. */
            price?: (number|null);

            /** OrderUpdate reason. */
            reason: string;

            /** OrderUpdate riskLimit. */
            riskLimit?: (number|null);

            /** OrderUpdate riskValue. */
            riskValue?: (number|null);

            /** OrderUpdate stopLossPrice. */
            stopLossPrice?: (number|null);

            /** OrderUpdate takeProfitPrice. */
            takeProfitPrice?: (number|null);

            /** OrderUpdate slippagePips. */
            slippagePips?: (number|null);

            /** OrderUpdate bid. */
            bid: number;

            /** OrderUpdate ask. */
            ask: number;

            /** OrderUpdate expiresMs. */
            expiresMs?: (number|null);

            /** OrderUpdate workflowId. */
            workflowId: string;

            /** OrderUpdate workflowVersion. */
            workflowVersion: number;

            /** OrderUpdate stopLossPips. */
            stopLossPips?: (number|null);

            /** OrderUpdate takeProfitPips. */
            takeProfitPips?: (number|null);

            /** OrderUpdate brokerTransactionId. */
            brokerTransactionId: string;

            /**
             * Creates a new OrderUpdate instance using the specified properties.
             * @param [properties] Properties to set
             * @returns OrderUpdate instance
             */
            static create(properties: pipstream.v1.OrderUpdate.$Shape): pipstream.v1.OrderUpdate & pipstream.v1.OrderUpdate.$Shape;
            static create(properties?: pipstream.v1.OrderUpdate.$Properties): pipstream.v1.OrderUpdate;

            /**
             * Encodes the specified OrderUpdate message. Does not implicitly {@link pipstream.v1.OrderUpdate.verify|verify} messages.
             * @param message OrderUpdate message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.OrderUpdate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified OrderUpdate message, length delimited. Does not implicitly {@link pipstream.v1.OrderUpdate.verify|verify} messages.
             * @param message OrderUpdate message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.OrderUpdate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an OrderUpdate message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.OrderUpdate & pipstream.v1.OrderUpdate.$Shape} OrderUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.OrderUpdate & pipstream.v1.OrderUpdate.$Shape;

            /**
             * Decodes an OrderUpdate message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.OrderUpdate & pipstream.v1.OrderUpdate.$Shape} OrderUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.OrderUpdate & pipstream.v1.OrderUpdate.$Shape;

            /**
             * Verifies an OrderUpdate message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an OrderUpdate message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns OrderUpdate
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.OrderUpdate;

            /**
             * Creates a plain object from an OrderUpdate message. Also converts values to other types if specified.
             * @param message OrderUpdate
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.OrderUpdate, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this OrderUpdate to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for OrderUpdate
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace OrderUpdate {

            /** Properties of an OrderUpdate. */
            interface $Properties {

                /** OrderUpdate orderId */
                orderId?: (string|null);

                /** OrderUpdate signalId */
                signalId?: (string|null);

                /** OrderUpdate account */
                account?: (string|null);

                /** OrderUpdate instrument */
                instrument?: (string|null);

                /** OrderUpdate state */
                state?: (pipstream.v1.OrderState|null);

                /** OrderUpdate side */
                side?: (pipstream.v1.Side|null);

                /** OrderUpdate units */
                units?: (number|null);

                /** OrderUpdate timeMs */
                timeMs?: (number|null);

                /** OrderUpdate broker */
                broker?: (string|null);

                /** OrderUpdate price */
                price?: (number|null);

                /** OrderUpdate reason */
                reason?: (string|null);

                /** OrderUpdate riskLimit */
                riskLimit?: (number|null);

                /** OrderUpdate riskValue */
                riskValue?: (number|null);

                /** OrderUpdate stopLossPrice */
                stopLossPrice?: (number|null);

                /** OrderUpdate takeProfitPrice */
                takeProfitPrice?: (number|null);

                /** OrderUpdate slippagePips */
                slippagePips?: (number|null);

                /** OrderUpdate bid */
                bid?: (number|null);

                /** OrderUpdate ask */
                ask?: (number|null);

                /** OrderUpdate expiresMs */
                expiresMs?: (number|null);

                /** OrderUpdate workflowId */
                workflowId?: (string|null);

                /** OrderUpdate workflowVersion */
                workflowVersion?: (number|null);

                /** OrderUpdate stopLossPips */
                stopLossPips?: (number|null);

                /** OrderUpdate takeProfitPips */
                takeProfitPips?: (number|null);

                /** OrderUpdate brokerTransactionId */
                brokerTransactionId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an OrderUpdate. */
            type $Shape = pipstream.v1.OrderUpdate.$Properties;
        }

        /** Side enum. */
        enum Side {

            /** SIDE_UNSPECIFIED value */
            SIDE_UNSPECIFIED = 0,

            /** SIDE_BUY value */
            SIDE_BUY = 1,

            /** SIDE_SELL value */
            SIDE_SELL = 2
        }

        /**
         * Properties of a Signal.
         * @deprecated Use pipstream.v1.Signal.$Properties instead.
         */
        interface ISignal extends pipstream.v1.Signal.$Properties {
        }

        /** Represents a Signal. */
        class Signal {

            /**
             * Constructs a new Signal.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.Signal.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Signal id. */
            id: string;

            /** Signal account. */
            account: string;

            /** Signal workflowId. */
            workflowId: string;

            /** Signal workflowVersion. */
            workflowVersion: number;

            /** Signal nodeId. */
            nodeId: string;

            /** Signal triggerNodeId. */
            triggerNodeId: string;

            /** Signal instrument. */
            instrument: string;

            /** Signal mode. */
            mode: pipstream.v1.SignalMode;

            /** Signal timeMs. */
            timeMs: number;

            /** Signal price. */
            price: number;

            /** Signal bid. */
            bid: number;

            /** Signal ask. */
            ask: number;

            /** Signal side. */
            side: pipstream.v1.Side;

            /** Signal units. */
            units: number;

            /** Signal stopLossPips. */
            stopLossPips: number;

            /** Signal takeProfitPips. */
            takeProfitPips: number;

            /** Signal tickSeq. */
            tickSeq: number;

            /** Signal expiryS. */
            expiryS?: (number|null);

            /** Signal tradeable. */
            tradeable: boolean;

            /** Signal riskCheck. */
            riskCheck?: (pipstream.v1.InstrumentRiskCheck.$Properties|null);

            /**
             * Creates a new Signal instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Signal instance
             */
            static create(properties: pipstream.v1.Signal.$Shape): pipstream.v1.Signal & pipstream.v1.Signal.$Shape;
            static create(properties?: pipstream.v1.Signal.$Properties): pipstream.v1.Signal;

            /**
             * Encodes the specified Signal message. Does not implicitly {@link pipstream.v1.Signal.verify|verify} messages.
             * @param message Signal message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.Signal.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Signal message, length delimited. Does not implicitly {@link pipstream.v1.Signal.verify|verify} messages.
             * @param message Signal message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.Signal.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Signal message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.Signal & pipstream.v1.Signal.$Shape} Signal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.Signal & pipstream.v1.Signal.$Shape;

            /**
             * Decodes a Signal message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.Signal & pipstream.v1.Signal.$Shape} Signal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.Signal & pipstream.v1.Signal.$Shape;

            /**
             * Verifies a Signal message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Signal message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Signal
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.Signal;

            /**
             * Creates a plain object from a Signal message. Also converts values to other types if specified.
             * @param message Signal
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.Signal, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Signal to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Signal
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Signal {

            /** Properties of a Signal. */
            interface $Properties {

                /** Signal id */
                id?: (string|null);

                /** Signal account */
                account?: (string|null);

                /** Signal workflowId */
                workflowId?: (string|null);

                /** Signal workflowVersion */
                workflowVersion?: (number|null);

                /** Signal nodeId */
                nodeId?: (string|null);

                /** Signal triggerNodeId */
                triggerNodeId?: (string|null);

                /** Signal instrument */
                instrument?: (string|null);

                /** Signal mode */
                mode?: (pipstream.v1.SignalMode|null);

                /** Signal timeMs */
                timeMs?: (number|null);

                /** Signal price */
                price?: (number|null);

                /** Signal bid */
                bid?: (number|null);

                /** Signal ask */
                ask?: (number|null);

                /** Signal side */
                side?: (pipstream.v1.Side|null);

                /** Signal units */
                units?: (number|null);

                /** Signal stopLossPips */
                stopLossPips?: (number|null);

                /** Signal takeProfitPips */
                takeProfitPips?: (number|null);

                /** Signal tickSeq */
                tickSeq?: (number|null);

                /** Signal expiryS */
                expiryS?: (number|null);

                /** Signal tradeable */
                tradeable?: (boolean|null);

                /** Signal riskCheck */
                riskCheck?: (pipstream.v1.InstrumentRiskCheck.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Signal. */
            type $Shape = pipstream.v1.Signal.$Properties;
        }

        /**
         * Properties of an InstrumentRiskCheck.
         * @deprecated Use pipstream.v1.InstrumentRiskCheck.$Properties instead.
         */
        interface IInstrumentRiskCheck extends pipstream.v1.InstrumentRiskCheck.$Properties {
        }

        /** Represents an InstrumentRiskCheck. */
        class InstrumentRiskCheck {

            /**
             * Constructs a new InstrumentRiskCheck.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.InstrumentRiskCheck.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** InstrumentRiskCheck approved. */
            approved: boolean;

            /** InstrumentRiskCheck reason. */
            reason: string;

            /** InstrumentRiskCheck limit. */
            limit?: (number|null);

            /** InstrumentRiskCheck value. */
            value?: (number|null);

            /**
             * Creates a new InstrumentRiskCheck instance using the specified properties.
             * @param [properties] Properties to set
             * @returns InstrumentRiskCheck instance
             */
            static create(properties: pipstream.v1.InstrumentRiskCheck.$Shape): pipstream.v1.InstrumentRiskCheck & pipstream.v1.InstrumentRiskCheck.$Shape;
            static create(properties?: pipstream.v1.InstrumentRiskCheck.$Properties): pipstream.v1.InstrumentRiskCheck;

            /**
             * Encodes the specified InstrumentRiskCheck message. Does not implicitly {@link pipstream.v1.InstrumentRiskCheck.verify|verify} messages.
             * @param message InstrumentRiskCheck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.InstrumentRiskCheck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified InstrumentRiskCheck message, length delimited. Does not implicitly {@link pipstream.v1.InstrumentRiskCheck.verify|verify} messages.
             * @param message InstrumentRiskCheck message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.InstrumentRiskCheck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an InstrumentRiskCheck message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.InstrumentRiskCheck & pipstream.v1.InstrumentRiskCheck.$Shape} InstrumentRiskCheck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.InstrumentRiskCheck & pipstream.v1.InstrumentRiskCheck.$Shape;

            /**
             * Decodes an InstrumentRiskCheck message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.InstrumentRiskCheck & pipstream.v1.InstrumentRiskCheck.$Shape} InstrumentRiskCheck
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.InstrumentRiskCheck & pipstream.v1.InstrumentRiskCheck.$Shape;

            /**
             * Verifies an InstrumentRiskCheck message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an InstrumentRiskCheck message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns InstrumentRiskCheck
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.InstrumentRiskCheck;

            /**
             * Creates a plain object from an InstrumentRiskCheck message. Also converts values to other types if specified.
             * @param message InstrumentRiskCheck
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.InstrumentRiskCheck, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this InstrumentRiskCheck to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for InstrumentRiskCheck
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace InstrumentRiskCheck {

            /** Properties of an InstrumentRiskCheck. */
            interface $Properties {

                /** InstrumentRiskCheck approved */
                approved?: (boolean|null);

                /** InstrumentRiskCheck reason */
                reason?: (string|null);

                /** InstrumentRiskCheck limit */
                limit?: (number|null);

                /** InstrumentRiskCheck value */
                value?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an InstrumentRiskCheck. */
            type $Shape = pipstream.v1.InstrumentRiskCheck.$Properties;
        }

        /** SignalMode enum. */
        enum SignalMode {

            /** SIGNAL_MODE_UNSPECIFIED value */
            SIGNAL_MODE_UNSPECIFIED = 0,

            /** SIGNAL_ALERT value */
            SIGNAL_ALERT = 1,

            /** SIGNAL_PENDING_CONFIRMATION value */
            SIGNAL_PENDING_CONFIRMATION = 2,

            /** SIGNAL_AUTO_EXECUTE value */
            SIGNAL_AUTO_EXECUTE = 3
        }

        /**
         * Properties of a PositionUpdate.
         * @deprecated Use pipstream.v1.PositionUpdate.$Properties instead.
         */
        interface IPositionUpdate extends pipstream.v1.PositionUpdate.$Properties {
        }

        /** Represents a PositionUpdate. */
        class PositionUpdate {

            /**
             * Constructs a new PositionUpdate.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.PositionUpdate.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PositionUpdate account. */
            account: string;

            /** PositionUpdate instrument. */
            instrument: string;

            /** PositionUpdate orderId. */
            orderId: string;

            /** PositionUpdate units. */
            units: number;

            /** PositionUpdate avgPrice. */
            avgPrice: number;

            /** PositionUpdate realized. */
            realized: number;

            /** PositionUpdate timeMs. */
            timeMs: number;

            /**
             * Creates a new PositionUpdate instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PositionUpdate instance
             */
            static create(properties: pipstream.v1.PositionUpdate.$Shape): pipstream.v1.PositionUpdate & pipstream.v1.PositionUpdate.$Shape;
            static create(properties?: pipstream.v1.PositionUpdate.$Properties): pipstream.v1.PositionUpdate;

            /**
             * Encodes the specified PositionUpdate message. Does not implicitly {@link pipstream.v1.PositionUpdate.verify|verify} messages.
             * @param message PositionUpdate message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.PositionUpdate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PositionUpdate message, length delimited. Does not implicitly {@link pipstream.v1.PositionUpdate.verify|verify} messages.
             * @param message PositionUpdate message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.PositionUpdate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PositionUpdate message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.PositionUpdate & pipstream.v1.PositionUpdate.$Shape} PositionUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.PositionUpdate & pipstream.v1.PositionUpdate.$Shape;

            /**
             * Decodes a PositionUpdate message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.PositionUpdate & pipstream.v1.PositionUpdate.$Shape} PositionUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.PositionUpdate & pipstream.v1.PositionUpdate.$Shape;

            /**
             * Verifies a PositionUpdate message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a PositionUpdate message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PositionUpdate
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.PositionUpdate;

            /**
             * Creates a plain object from a PositionUpdate message. Also converts values to other types if specified.
             * @param message PositionUpdate
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.PositionUpdate, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PositionUpdate to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PositionUpdate
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PositionUpdate {

            /** Properties of a PositionUpdate. */
            interface $Properties {

                /** PositionUpdate account */
                account?: (string|null);

                /** PositionUpdate instrument */
                instrument?: (string|null);

                /** PositionUpdate orderId */
                orderId?: (string|null);

                /** PositionUpdate units */
                units?: (number|null);

                /** PositionUpdate avgPrice */
                avgPrice?: (number|null);

                /** PositionUpdate realized */
                realized?: (number|null);

                /** PositionUpdate timeMs */
                timeMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PositionUpdate. */
            type $Shape = pipstream.v1.PositionUpdate.$Properties;
        }

        /**
         * Properties of a PnlSample.
         * @deprecated Use pipstream.v1.PnlSample.$Properties instead.
         */
        interface IPnlSample extends pipstream.v1.PnlSample.$Properties {
        }

        /** Represents a PnlSample. */
        class PnlSample {

            /**
             * Constructs a new PnlSample.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.PnlSample.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PnlSample account. */
            account: string;

            /** PnlSample timeMs. */
            timeMs: number;

            /** PnlSample balance. */
            balance: number;

            /** PnlSample realized. */
            realized: number;

            /** PnlSample unrealized. */
            unrealized: number;

            /** PnlSample equity. */
            equity: number;

            /** PnlSample equityPeak. */
            equityPeak: number;

            /** PnlSample drawdownPct. */
            drawdownPct: number;

            /** PnlSample dailyPnl. */
            dailyPnl: number;

            /** PnlSample dayStartMs. */
            dayStartMs: number;

            /**
             * Creates a new PnlSample instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PnlSample instance
             */
            static create(properties: pipstream.v1.PnlSample.$Shape): pipstream.v1.PnlSample & pipstream.v1.PnlSample.$Shape;
            static create(properties?: pipstream.v1.PnlSample.$Properties): pipstream.v1.PnlSample;

            /**
             * Encodes the specified PnlSample message. Does not implicitly {@link pipstream.v1.PnlSample.verify|verify} messages.
             * @param message PnlSample message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.PnlSample.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PnlSample message, length delimited. Does not implicitly {@link pipstream.v1.PnlSample.verify|verify} messages.
             * @param message PnlSample message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.PnlSample.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PnlSample message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.PnlSample & pipstream.v1.PnlSample.$Shape} PnlSample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.PnlSample & pipstream.v1.PnlSample.$Shape;

            /**
             * Decodes a PnlSample message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.PnlSample & pipstream.v1.PnlSample.$Shape} PnlSample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.PnlSample & pipstream.v1.PnlSample.$Shape;

            /**
             * Verifies a PnlSample message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a PnlSample message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PnlSample
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.PnlSample;

            /**
             * Creates a plain object from a PnlSample message. Also converts values to other types if specified.
             * @param message PnlSample
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.PnlSample, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PnlSample to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PnlSample
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PnlSample {

            /** Properties of a PnlSample. */
            interface $Properties {

                /** PnlSample account */
                account?: (string|null);

                /** PnlSample timeMs */
                timeMs?: (number|null);

                /** PnlSample balance */
                balance?: (number|null);

                /** PnlSample realized */
                realized?: (number|null);

                /** PnlSample unrealized */
                unrealized?: (number|null);

                /** PnlSample equity */
                equity?: (number|null);

                /** PnlSample equityPeak */
                equityPeak?: (number|null);

                /** PnlSample drawdownPct */
                drawdownPct?: (number|null);

                /** PnlSample dailyPnl */
                dailyPnl?: (number|null);

                /** PnlSample dayStartMs */
                dayStartMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PnlSample. */
            type $Shape = pipstream.v1.PnlSample.$Properties;
        }

        /**
         * Properties of a LatencySample.
         * @deprecated Use pipstream.v1.LatencySample.$Properties instead.
         */
        interface ILatencySample extends pipstream.v1.LatencySample.$Properties {
        }

        /** Represents a LatencySample. */
        class LatencySample {

            /**
             * Constructs a new LatencySample.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.LatencySample.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** LatencySample nodeId. */
            nodeId: string;

            /** LatencySample stage. */
            stage: string;

            /** LatencySample startMs. */
            startMs: number;

            /** LatencySample endMs. */
            endMs: number;

            /** LatencySample count. */
            count: number;

            /** LatencySample p50Us. */
            p50Us: number;

            /** LatencySample p99Us. */
            p99Us: number;

            /** LatencySample p999Us. */
            p999Us: number;

            /** LatencySample maxUs. */
            maxUs: number;

            /**
             * Creates a new LatencySample instance using the specified properties.
             * @param [properties] Properties to set
             * @returns LatencySample instance
             */
            static create(properties: pipstream.v1.LatencySample.$Shape): pipstream.v1.LatencySample & pipstream.v1.LatencySample.$Shape;
            static create(properties?: pipstream.v1.LatencySample.$Properties): pipstream.v1.LatencySample;

            /**
             * Encodes the specified LatencySample message. Does not implicitly {@link pipstream.v1.LatencySample.verify|verify} messages.
             * @param message LatencySample message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.LatencySample.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified LatencySample message, length delimited. Does not implicitly {@link pipstream.v1.LatencySample.verify|verify} messages.
             * @param message LatencySample message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.LatencySample.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a LatencySample message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.LatencySample & pipstream.v1.LatencySample.$Shape} LatencySample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.LatencySample & pipstream.v1.LatencySample.$Shape;

            /**
             * Decodes a LatencySample message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.LatencySample & pipstream.v1.LatencySample.$Shape} LatencySample
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.LatencySample & pipstream.v1.LatencySample.$Shape;

            /**
             * Verifies a LatencySample message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a LatencySample message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns LatencySample
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.LatencySample;

            /**
             * Creates a plain object from a LatencySample message. Also converts values to other types if specified.
             * @param message LatencySample
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.LatencySample, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this LatencySample to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for LatencySample
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace LatencySample {

            /** Properties of a LatencySample. */
            interface $Properties {

                /** LatencySample nodeId */
                nodeId?: (string|null);

                /** LatencySample stage */
                stage?: (string|null);

                /** LatencySample startMs */
                startMs?: (number|null);

                /** LatencySample endMs */
                endMs?: (number|null);

                /** LatencySample count */
                count?: (number|null);

                /** LatencySample p50Us */
                p50Us?: (number|null);

                /** LatencySample p99Us */
                p99Us?: (number|null);

                /** LatencySample p999Us */
                p999Us?: (number|null);

                /** LatencySample maxUs */
                maxUs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a LatencySample. */
            type $Shape = pipstream.v1.LatencySample.$Properties;
        }

        /**
         * Properties of a RiskDecision.
         * @deprecated Use pipstream.v1.RiskDecision.$Properties instead.
         */
        interface IRiskDecision extends pipstream.v1.RiskDecision.$Properties {
        }

        /** Represents a RiskDecision. */
        class RiskDecision {

            /**
             * Constructs a new RiskDecision.
             * @param [properties] Properties to set
             */
            constructor(properties?: pipstream.v1.RiskDecision.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RiskDecision orderId. */
            orderId: string;

            /** RiskDecision signalId. */
            signalId: string;

            /** RiskDecision account. */
            account: string;

            /** RiskDecision instrument. */
            instrument: string;

            /** RiskDecision approved. */
            approved: boolean;

            /** RiskDecision reason. */
            reason: string;

            /** RiskDecision limit. */
            limit?: (number|null);

            /** RiskDecision value. */
            value?: (number|null);

            /** RiskDecision side. */
            side: pipstream.v1.Side;

            /** RiskDecision units. */
            units: number;

            /** RiskDecision timeMs. */
            timeMs: number;

            /** RiskDecision bid. */
            bid: number;

            /** RiskDecision ask. */
            ask: number;

            /** RiskDecision limitsJson. */
            limitsJson: string;

            /**
             * Creates a new RiskDecision instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RiskDecision instance
             */
            static create(properties: pipstream.v1.RiskDecision.$Shape): pipstream.v1.RiskDecision & pipstream.v1.RiskDecision.$Shape;
            static create(properties?: pipstream.v1.RiskDecision.$Properties): pipstream.v1.RiskDecision;

            /**
             * Encodes the specified RiskDecision message. Does not implicitly {@link pipstream.v1.RiskDecision.verify|verify} messages.
             * @param message RiskDecision message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: pipstream.v1.RiskDecision.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RiskDecision message, length delimited. Does not implicitly {@link pipstream.v1.RiskDecision.verify|verify} messages.
             * @param message RiskDecision message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: pipstream.v1.RiskDecision.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RiskDecision message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {pipstream.v1.RiskDecision & pipstream.v1.RiskDecision.$Shape} RiskDecision
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): pipstream.v1.RiskDecision & pipstream.v1.RiskDecision.$Shape;

            /**
             * Decodes a RiskDecision message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {pipstream.v1.RiskDecision & pipstream.v1.RiskDecision.$Shape} RiskDecision
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): pipstream.v1.RiskDecision & pipstream.v1.RiskDecision.$Shape;

            /**
             * Verifies a RiskDecision message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RiskDecision message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RiskDecision
             */
            static fromObject(object: { [k: string]: any }): pipstream.v1.RiskDecision;

            /**
             * Creates a plain object from a RiskDecision message. Also converts values to other types if specified.
             * @param message RiskDecision
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: pipstream.v1.RiskDecision, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RiskDecision to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RiskDecision
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RiskDecision {

            /** Properties of a RiskDecision. */
            interface $Properties {

                /** RiskDecision orderId */
                orderId?: (string|null);

                /** RiskDecision signalId */
                signalId?: (string|null);

                /** RiskDecision account */
                account?: (string|null);

                /** RiskDecision instrument */
                instrument?: (string|null);

                /** RiskDecision approved */
                approved?: (boolean|null);

                /** RiskDecision reason */
                reason?: (string|null);

                /** RiskDecision limit */
                limit?: (number|null);

                /** RiskDecision value */
                value?: (number|null);

                /** RiskDecision side */
                side?: (pipstream.v1.Side|null);

                /** RiskDecision units */
                units?: (number|null);

                /** RiskDecision timeMs */
                timeMs?: (number|null);

                /** RiskDecision bid */
                bid?: (number|null);

                /** RiskDecision ask */
                ask?: (number|null);

                /** RiskDecision limitsJson */
                limitsJson?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RiskDecision. */
            type $Shape = pipstream.v1.RiskDecision.$Properties;
        }
    }
}
