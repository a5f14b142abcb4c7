// Generated from apps/api/openapi.json by `pnpm generate`; do not edit.
export interface paths {
  '/healthz': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Liveness probe */
    get: operations['health']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/readyz': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Readiness probe: the database answers */
    get: operations['readiness']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/auth/login': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Log in with username and password
     * @description Failed attempts are limited per username and per IP address (429 LOGIN_RATE_LIMITED).
     */
    post: operations['login']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/auth/logout': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** End the current session */
    post: operations['logout']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/auth/me': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The authenticated user */
    get: operations['getMe']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/auth/password': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /**
     * Change your own password
     * @description Your other sessions are signed out.
     */
    put: operations['changeOwnPassword']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/users': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List users */
    get: operations['listUsers']
    put?: never
    /** Create a user */
    post: operations['createUser']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/users/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a user */
    get: operations['getUser']
    put?: never
    post?: never
    /**
     * Delete a user
     * @description Also removes their sessions and API keys. Neither yourself nor the last administrator can be deleted.
     */
    delete: operations['deleteUser']
    options?: never
    head?: never
    /**
     * Change display name, role or disabled state
     * @description The last enabled administrator cannot be demoted or disabled (409 LAST_ADMIN).
     */
    patch: operations['updateUser']
    trace?: never
  }
  '/api/v1/users/{id}/password': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /**
     * Set a user's password
     * @description Signs the user out of every session.
     */
    put: operations['resetUserPassword']
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/api-keys': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List API keys */
    get: operations['listApiKeys']
    put?: never
    /**
     * Create an API key
     * @description The key acts as you, with at most your role. The secret is returned once.
     */
    post: operations['createApiKey']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/api-keys/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /**
     * Revoke an API key
     * @description Takes effect immediately. Revoking a revoked key is a no-op.
     */
    delete: operations['revokeApiKey']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/operations': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List recorded operations */
    get: operations['listOperations']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/operations/export': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Download the matching records as CSV (UTF-8 with BOM, opens in Excel)
     * @description Streamed a thousand rows at a time, so any number of records downloads in bounded memory.
     */
    get: operations['exportOperations']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/carriers': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Installed carrier plugins, their capabilities, limits and config schema */
    get: operations['listCarriers']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/platforms': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List platform configs */
    get: operations['listPlatforms']
    put?: never
    /**
     * Add a platform config (carrier account)
     * @description The config is checked against the carrier's schema; secret fields are encrypted at rest.
     */
    post: operations['createPlatform']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/platforms/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a platform config (secrets masked) */
    get: operations['getPlatform']
    put?: never
    post?: never
    /**
     * Delete a platform config
     * @description Refused with 409 PLATFORM_ENABLED while enabled.
     */
    delete: operations['deletePlatform']
    options?: never
    head?: never
    /** Change name, description or settings, including rotating credentials */
    patch: operations['updatePlatform']
    trace?: never
  }
  '/api/v1/platforms/{id}/enable': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Enable a platform config */
    post: operations['enablePlatform']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/platforms/{id}/disable': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Disable a platform config (its cards stop syncing) */
    post: operations['disablePlatform']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/platforms/{id}/test': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Test the connection to the carrier
     * @description Runs the plugin's health check (and reads the sample card, if given). A failed test answers 200 with ok=false and the carrier's error.
     */
    post: operations['testPlatform']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cards/count': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Exact number of cards matching a filter (what a bulk job on the filter would touch) */
    get: operations['countCards']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cards/export': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Download cards as csv or xlsx: the given ids, or every card matching the filter
     * @description Every list column, streamed page by page in bounded memory. The headers of importable columns are the import template’s, so an export can be imported again.
     */
    get: operations['exportCards']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cards/import-template': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The import template (bilingual headers), csv or xlsx */
    get: operations['cardImportTemplate']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cards/import': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Import cards from a csv or xlsx file (multipart/form-data)
     * @description Send the file in the form field `file`; `platformId` and `dryRun` may come as form fields before the file or in the query. Without a platform the file needs a 平台/platform column (platform name or id). CSV in UTF-8 or GBK (detected). At most 200 MB (413 FILE_TOO_LARGE). A file that cannot be read is refused whole (400); otherwise 202 with a job whose items are the rows (seq = row number).
     */
    post: operations['importCards']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cards': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List cards with filters, sorting and paging
     * @description Keyset paging: follow `nextCursor` to any depth at constant cost. `page` numbers reach the first 10,000 matches (for page-numbered views). Every sort has `id` as tiebreak.
     */
    get: operations['listCards']
    put?: never
    /**
     * Register a card
     * @description Refused with NUMBER_INVALID, ICCID_INVALID, ICCID_CARRIER_MISMATCH (400), PLATFORM_NOT_FOUND (404), NUMBER_TAKEN, ICCID_TAKEN, ICCID_DUPLICATE_19, PLATFORM_DISABLED (409).
     */
    post: operations['createCard']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cards/validate': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Check a card number, ICCID and platform before creating a card
     * @description Formats, duplicates, the carrier detected from the ICCID prefix and its match with the platform. Answers 200 with notes; a note of level `error` means creation would be refused with that code.
     */
    get: operations['validateCard']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cards/carrier-statuses': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Carrier statuses present among the cards (options of the carrier status filter) */
    get: operations['listCardCarrierStatuses']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cards/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a card */
    get: operations['getCard']
    put?: never
    post?: never
    /** Delete a card (its device is released; its records stay) */
    delete: operations['deleteCard']
    options?: never
    head?: never
    /** Change description, type, tags, expiry, IMSI/IMEI or move to another platform of the carrier */
    patch: operations['updateCard']
    trace?: never
  }
  '/api/v1/cards/{id}/device': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /**
     * 绑定设备: bind the card to a device
     * @description One card ↔ at most one device: CARD_ALREADY_BOUND or DEVICE_ALREADY_BOUND (409) otherwise.
     */
    put: operations['bindCardDevice']
    post?: never
    /** 解绑设备: release the card from its device */
    delete: operations['unbindCardDevice']
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cards/{id}/activate': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * 激活: activate the card at the carrier
     * @description Allowed only from the states the carrier plugin declares for the action: ACTION_NOT_ALLOWED, CARD_NOT_SYNCED, CARD_CHANGE_PENDING, PLATFORM_DISABLED (409) otherwise. Carrier failures answer CARRIER_* codes naming the platform (409 invalid state/locked, 429 rate limited, 502 unreachable). Most carriers apply changes later: the card then shows `pending` until a sync sees the new state.
     */
    post: operations['activateCard']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cards/{id}/suspend': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * 停机: suspend the card at the carrier
     * @description Allowed only from the states the carrier plugin declares for the action: ACTION_NOT_ALLOWED, CARD_NOT_SYNCED, CARD_CHANGE_PENDING, PLATFORM_DISABLED (409) otherwise. Carrier failures answer CARRIER_* codes naming the platform (409 invalid state/locked, 429 rate limited, 502 unreachable). Most carriers apply changes later: the card then shows `pending` until a sync sees the new state.
     */
    post: operations['suspendCard']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cards/{id}/resume': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * 复机: resume a suspended card at the carrier
     * @description Allowed only from the states the carrier plugin declares for the action: ACTION_NOT_ALLOWED, CARD_NOT_SYNCED, CARD_CHANGE_PENDING, PLATFORM_DISABLED (409) otherwise. Carrier failures answer CARRIER_* codes naming the platform (409 invalid state/locked, 429 rate limited, 502 unreachable). Most carriers apply changes later: the card then shows `pending` until a sync sees the new state.
     */
    post: operations['resumeCard']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cards/{id}/sync': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * 同步: refresh status and usage from the carrier
     * @description A failure is stored on the card (sync state `failed` with the message) and answered with the CARRIER_* code naming the platform.
     */
    post: operations['syncCard']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/cards/{id}/stop-reason': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * 停机原因: why the card is stopped, where the carrier tells
     * @description CAPABILITY_NOT_SUPPORTED (409) when the carrier plugin offers no stop reason.
     */
    get: operations['getCardStopReason']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/jobs': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List jobs, newest first */
    get: operations['listJobs']
    put?: never
    /**
     * Start a bulk job (activate, suspend, resume, sync, delete, bind)
     * @description Select cards by `cardIds` or by `filter` (the card list filter), or give `pairs` for bind — exactly one. Items are grouped by platform and sent in chunks of each plugin’s batch size within its rate limit. Answers 202; follow progress at /jobs/{id}/events.
     */
    post: operations['createJob']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/jobs/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** A job with its counts */
    get: operations['getJob']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/jobs/{id}/items': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** The items of a job and how each ended */
    get: operations['listJobItems']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/jobs/{id}/items/export': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Download the items of a job as CSV (for an import with result=failed: the error report) */
    get: operations['exportJobItems']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/jobs/{id}/events': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Progress of a job as Server-Sent Events
     * @description `event: progress` with the job (JSON) whenever its state or counts change, then `event: end` with the finished job; the stream then closes.
     */
    get: operations['jobEvents']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/jobs/{id}/cancel': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /** Cancel a job: items not reached end skipped (409 JOB_FINISHED when it has already ended) */
    post: operations['cancelJob']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/devices': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List devices (newest registration first) */
    get: operations['listDevices']
    /**
     * Create or update up to 1,000 devices at once (all or nothing)
     * @description For keeping the registry in step with an IoT platform. An update keeps the registration time and every field an entry leaves out; a new device without a state is offline.
     */
    put: operations['upsertDevices']
    /** Register a device */
    post: operations['createDevice']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/devices/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a device and the card bound to it */
    get: operations['getDevice']
    put?: never
    post?: never
    /** Delete a device (its card is released) */
    delete: operations['deleteDevice']
    options?: never
    head?: never
    /** Change a device */
    patch: operations['updateDevice']
    trace?: never
  }
  '/api/v1/recharges': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** List recharge orders, newest first */
    get: operations['listRecharges']
    put?: never
    /**
     * 充值: place a top-up order and get its payment URL
     * @description The carrier issues the order and the payment page; its result is authoritative. Refused with AMOUNT_INVALID, PAYMENT_METHOD_UNSUPPORTED (400), PLATFORM_NOT_FOUND (404), PLATFORM_DISABLED, RECHARGE_NOT_SUPPORTED, IDEMPOTENCY_KEY_REUSED (409), CARRIER_RATE_LIMITED (429), other CARRIER_* (502); nothing is stored then. With an Idempotency-Key a repeated request answers 200 with the first order (header idempotent-replayed: true).
     */
    post: operations['createRecharge']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/recharges/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Get a recharge order */
    get: operations['getRecharge']
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/recharges/{id}/refresh': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Ask the carrier about a pending order now
     * @description Pending orders are also checked every minute in the background; a lapsed link expires the order.
     */
    post: operations['refreshRecharge']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/recharges/{id}/confirm': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Record the outcome by hand (paid or failed), with a note
     * @description For a pending or expired order whose outcome the carrier’s own portal shows. RECHARGE_SETTLED (409) once paid or failed.
     */
    post: operations['confirmRecharge']
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
}
export type webhooks = Record<string, never>
export interface components {
  schemas: {
    /** ApiKey */
    ApiKey: {
      /** Format: uuid */
      id: string
      /** Format: uuid */
      userId: string
      username: string
      name: string
      /** @description The first characters of the key, to recognise it */
      prefix: string
      /** @description admin: everything; operator: card operations and recharges; viewer: read-only */
      role: components['schemas']['Role']
      /** Format: date-time */
      createdAt: string
      expiresAt: string | null
      lastUsedAt: string | null
      revokedAt: string | null
    }
    /** ApiKeyList */
    ApiKeyList: {
      items: components['schemas']['ApiKey'][]
    }
    /** BindDevice */
    BindDevice: {
      deviceId: string
    }
    /** BindPair */
    BindPair: {
      cardId?: string
      number?: string
      deviceId: string
    }
    /**
     * BlockReason
     * @enum {unknown}
     */
    BlockReason:
      | 'data_cap'
      | 'sms_cap'
      | 'data_cut'
      | 'expired'
      | 'balance'
      | 'imei_mismatch'
      | 'real_name'
      | 'pool_exhausted'
      | 'operator_admin'
      | 'dormant'
      | 'other'
    /** Card */
    Card: {
      /** @description Card id (digits) */
      id: string
      /** @description 卡号: MSISDN / access number */
      number: string
      /** @description Normalised ICCID, 19 or 20 characters */
      iccid: string
      /** @description First 19 digits of the ICCID */
      iccid19: string
      imsi: string | null
      imei: string | null
      platform: {
        /** Format: uuid */
        id: string
        name: string
        carrierId: string
        /** @enum {unknown} */
        state: 'enabled' | 'disabled'
      }
      carrierId: string
      type: components['schemas']['CardType']
      description: string
      tags: string[]
      expiresOn: string | null
      device: {
        id: string
        name: string
        /** @enum {unknown} */
        state: 'online' | 'offline' | 'disabled'
      } | null
      boundAt: string | null
      lifecycle: components['schemas']['Lifecycle']
      carrierStatus: {
        /** @description The carrier's raw code */
        code: string
        /** @description Text by locale (zh-CN, en) */
        label: {
          [key: string]: string
        }
      } | null
      block: components['schemas']['BlockReason'] | null
      platformType: string | null
      activatedAt: string | null
      usage: {
        totalBytes: number | null
        usedBytes: number
        remainingBytes: number | null
        /** Format: date-time */
        asOf: string
      } | null
      pending: {
        action: components['schemas']['StateAction']
        /** Format: date-time */
        since: string
        carrierRef: string | null
      } | null
      sync: {
        state: components['schemas']['SyncState']
        at: string | null
        error: {
          code: string
          message: string
        } | null
      }
      /** @description Lifecycle actions possible now (the carrier's transitions from the current state) */
      actions: components['schemas']['StateAction'][]
      /** Format: date-time */
      createdAt: string
      /** Format: date-time */
      updatedAt: string
    }
    /** CardCount */
    CardCount: {
      count: number
    }
    /** CardIdentityCheck */
    CardIdentityCheck: {
      /** @description false when any note is an error (creation would be refused) */
      ok: boolean
      number: string | null
      iccid: {
        input: string
        iccid: string | null
        iccid19: string | null
        fullForm: string | null
        luhn: ('valid' | 'invalid' | 'absent' | 'letter') | null
        carrier: {
          prefix: string
          carrierId: string | null
          carrierName: {
            [key: string]: string
          } | null
          /** @enum {unknown} */
          confidence: 'high' | 'medium-high' | 'low' | 'declared'
        } | null
        notes: {
          code: string
          /** @enum {unknown} */
          level: 'error' | 'warning' | 'info'
          message: string
        }[]
      } | null
      notes: {
        /** @enum {unknown} */
        field: 'number' | 'iccid' | 'platformId'
        code: string
        /** @enum {unknown} */
        level: 'error' | 'warning' | 'info'
        message: string
      }[]
    }
    /** CardJobFilter */
    CardJobFilter: {
      /** @description Identifier prefix (number, ICCID, IMSI) or words of the description / device id */
      q?: string
      /** @description Card number prefix */
      number?: string
      /** @description ICCID prefix */
      iccid?: string
      /** @description Bound device id */
      deviceId?: string
      /** @description true: bound to a device; false: unbound */
      bound?: boolean
      /** @description Platform configs (repeat the parameter for several) */
      platformId?: string[]
      /** @description Carriers */
      carrierId?: string[]
      /** @description Card types */
      type?: components['schemas']['CardType'][]
      /** @description Unified statuses */
      lifecycle?: components['schemas']['Lifecycle'][]
      /** @description Carrier statuses as carrierId:code (see /cards/carrier-statuses) */
      carrierStatus?: string[]
      /** @description Sync states */
      syncState?: components['schemas']['SyncState'][]
      /** @description Cards carrying all these tags */
      tag?: string[]
      /**
       * Format: date-time
       * @description Activation date, inclusive
       */
      activatedFrom?: string
      /**
       * Format: date-time
       * @description Activation date, exclusive
       */
      activatedTo?: string
      /**
       * Format: date-time
       * @description Update time, inclusive
       */
      updatedFrom?: string
      /**
       * Format: date-time
       * @description Update time, exclusive
       */
      updatedTo?: string
    }
    /** CardPage */
    CardPage: {
      items: components['schemas']['Card'][]
      nextCursor: string | null
      /** @description Matching cards, counted up to 10,000 */
      total: number
      /** @description true when more than `total` cards match */
      totalCapped: boolean
    }
    /**
     * CardType
     * @enum {unknown}
     */
    CardType: 'year' | 'season' | 'month' | 'other'
    /** Carrier */
    Carrier: {
      /** @description Stable carrier id, e.g. onelink */
      id: string
      displayName: components['schemas']['LocalizedText']
      carrierName: components['schemas']['LocalizedText']
      packageName: string
      version: string
      /** @description Carrier contract version the plugin implements */
      apiVersion: number
      iccidPrefixes: string[]
      capabilities: {
        changeState: {
          /** @description Lifecycle states each action may start from */
          transitions: {
            activate?: string[]
            suspend?: string[]
            resume?: string[]
          }
        } | null
        usage: boolean
        stopReason: boolean
        recharge: {
          paymentMethods: string[]
          minAmountFen: number
          maxAmountFen: number
        } | null
        rechargeStatus: boolean
      }
      limits: {
        batchSize: {
          getCards: number
          changeState: number
        }
        requestsPerSecond: number
        lockSeconds: number
      }
      /** @description JSON Schema of the platform config, in form order. Fields carry x-label and x-help ({zh-CN, en}); secret fields carry x-secret. */
      configSchema: {
        [key: string]: unknown
      }
    }
    /** CarrierList */
    CarrierList: {
      items: components['schemas']['Carrier'][]
    }
    /** CarrierStatusList */
    CarrierStatusList: {
      carrierId: string
      code: string
      /** @description Text by locale (zh-CN, en) */
      label: {
        [key: string]: string
      }
    }[]
    /** ChangePassword */
    ChangePassword: {
      currentPassword: string
      newPassword: string
    }
    /** ConfirmRecharge */
    ConfirmRecharge: {
      /** @enum {unknown} */
      status: 'paid' | 'failed'
      /** @description What the carrier’s portal showed, and where */
      note: string
    }
    /** CreateApiKey */
    CreateApiKey: {
      name: string
      /** @description admin: everything; operator: card operations and recharges; viewer: read-only */
      role: components['schemas']['Role']
      expiresAt?: string | null
    }
    /** CreateCard */
    CreateCard: {
      /** @description 卡号: 11–13 digits */
      number: string
      iccid: string
      /**
       * Format: uuid
       * @description An enabled platform config of the card’s carrier
       */
      platformId: string
      type: components['schemas']['CardType']
      description?: string
      imsi?: string | null
      imei?: string | null
      expiresOn?: string | null
      tags?: string[]
    }
    /** CreatedApiKey */
    CreatedApiKey: {
      apiKey: components['schemas']['ApiKey']
      /** @description The key itself. It is shown only in this response; store it now. */
      secret: string
    }
    /** CreateDevice */
    CreateDevice: {
      /** @description The device id of the IoT platform: letters, digits, _ . : - */
      id: string
      name: string
      product?: string | null
      state?: components['schemas']['DeviceState']
      /** Format: date-time */
      registeredAt?: string
    }
    /** CreateJob */
    CreateJob: {
      /**
       * @description What to do to each card
       * @enum {unknown}
       */
      action: 'activate' | 'suspend' | 'resume' | 'sync' | 'delete' | 'bind'
      /** @description Explicit cards (at most 100000); or give a filter */
      cardIds?: string[]
      /** @description Every card matching the card list filter (same fields as GET /cards) */
      filter?: components['schemas']['CardJobFilter']
      /** @description For bind: each card (by id or number) and its device */
      pairs?: components['schemas']['BindPair'][]
    }
    /** CreatePlatform */
    CreatePlatform: {
      carrierId: string
      name: string
      description?: string
      /** @description Validated against the carrier's config schema */
      config: {
        [key: string]: unknown
      }
      state?: components['schemas']['PlatformState']
      syncSchedule?: components['schemas']['SyncScheduleInput']
    }
    /** CreateRecharge */
    CreateRecharge: {
      /**
       * Format: uuid
       * @description An enabled platform whose carrier takes recharges
       */
      platformId: string
      /** @description 账户id */
      accountId: string
      /** @description In 元, at most two decimals, within the carrier’s range (OneLink: 1–500) */
      amount: number | string
      /** @enum {unknown} */
      paymentMethod: 'ALIPAY_WAP' | 'ALIPAY_WEB' | 'WEIXIN_JSAPI' | 'WEIXIN_NATIVE'
      /** Format: uri */
      returnUrl?: string
    }
    /** CreateUser */
    CreateUser: {
      /** @description Letters, digits, "_", "." and "-", starting with a letter or digit; unique regardless of case */
      username: string
      password: string
      /** @description admin: everything; operator: card operations and recharges; viewer: read-only */
      role: components['schemas']['Role']
      displayName?: string
    }
    /** Device */
    Device: {
      id: string
      name: string
      product: string | null
      state: components['schemas']['DeviceState']
      /** Format: date-time */
      registeredAt: string
      card: {
        id: string
        number: string
        iccid: string
      } | null
      /** Format: date-time */
      createdAt: string
      /** Format: date-time */
      updatedAt: string
    }
    /** DevicePage */
    DevicePage: {
      items: components['schemas']['Device'][]
      /** @description Counted up to 10,000 */
      total: number
      totalCapped: boolean
      page: number
      pageSize: number
    }
    /** DeviceState */
    DeviceState: 'online' | 'offline' | 'disabled'
    /** Error */
    Error: {
      /** @description Stable machine-readable code, e.g. VALIDATION_FAILED, USER_NOT_FOUND */
      code: string
      /** @description Human-readable explanation; names the field at fault where there is one */
      message: string
      details?: {
        fields?: components['schemas']['FieldError'][]
      } & {
        [key: string]: unknown
      }
    }
    /** FieldError */
    FieldError: {
      field: string
      location?: string
      message: string
    }
    /** Health */
    Health: {
      /** @enum {string} */
      status: 'ok'
    }
    /** Job */
    Job: {
      /** Format: uuid */
      id: string
      action: components['schemas']['JobAction']
      state: components['schemas']['JobState']
      /**
       * @description Asked for, or started by a platform sync schedule
       * @enum {unknown}
       */
      origin: 'request' | 'schedule'
      /** @description What was selected, as given */
      selector: {
        [key: string]: unknown
      }
      options: {
        [key: string]: unknown
      }
      platformId: string | null
      counts: components['schemas']['JobCounts']
      error: {
        code: string
        message: string
      } | null
      cancelRequested: boolean
      createdBy: {
        /** @enum {unknown} */
        type: 'user' | 'api_key' | 'system'
        id: string | null
        name: string
      }
      /** Format: date-time */
      createdAt: string
      startedAt: string | null
      finishedAt: string | null
      /** Format: date-time */
      updatedAt: string
    }
    /** JobAccepted */
    JobAccepted: {
      /** Format: uuid */
      jobId: string
      job: components['schemas']['Job']
    }
    /**
     * JobAction
     * @enum {unknown}
     */
    JobAction: 'activate' | 'suspend' | 'resume' | 'sync' | 'delete' | 'bind' | 'import'
    /** JobCounts */
    JobCounts: {
      /** @description Items in the job; 0 until the cards of a filter are listed */
      total: number
      ok: number
      skipped: number
      failed: number
      pending: number
    }
    /** JobItem */
    JobItem: {
      /** @description Position in the job; for an import, the row of the file (header = 1) */
      seq: number
      cardId: string | null
      /** @description The card number (as written, for an import) */
      subject: string
      result: components['schemas']['JobItemResult']
      code: string | null
      message: string | null
      input: {
        [key: string]: unknown
      } | null
      finishedAt: string | null
    }
    /** JobItemPage */
    JobItemPage: {
      items: components['schemas']['JobItem'][]
      total: number
    }
    /**
     * JobItemResult
     * @enum {unknown}
     */
    JobItemResult: 'pending' | 'ok' | 'skipped' | 'failed'
    /** JobPage */
    JobPage: {
      items: components['schemas']['Job'][]
      total: number
    }
    /**
     * JobState
     * @enum {unknown}
     */
    JobState: 'staging' | 'queued' | 'running' | 'completed' | 'cancelled' | 'failed'
    /**
     * Lifecycle
     * @enum {unknown}
     */
    Lifecycle:
      | 'unknown'
      | 'inventory'
      | 'test'
      | 'test_suspended'
      | 'ready'
      | 'active'
      | 'suspended'
      | 'pending_termination'
      | 'terminated'
    /** LocalizedText */
    LocalizedText: {
      'zh-CN': string
      en: string
    }
    /** LoginRequest */
    LoginRequest: {
      username: string
      password: string
    }
    /** LoginResult */
    LoginResult: {
      /** @description Session token; send it as "Authorization: Bearer <token>" */
      token: string
      /** Format: date-time */
      expiresAt: string
      user: components['schemas']['User']
    }
    /** Me */
    Me: {
      user: components['schemas']['User']
      /** @description admin: everything; operator: card operations and recharges; viewer: read-only */
      role: components['schemas']['Role']
      via: 'session' | 'apiKey'
      sessionExpiresAt: string | null
    }
    /** Operation */
    Operation: {
      id: number
      /** Format: date-time */
      createdAt: string
      actor: {
        type: 'user' | 'api_key' | 'system'
        id: string | null
        name: string
        apiKeyId: string | null
      }
      /** @description e.g. auth.login, user.create, api_key.revoke */
      action: string
      target: {
        type: string
        id: string | null
        name: string | null
      }
      result: 'success' | 'failure'
      error: {
        code: string | null
        message: string | null
      } | null
      details: {
        [key: string]: unknown
      } | null
      requestId: string | null
      ip: string | null
      /** @description The bulk job the action was an item of */
      jobId: string | null
    }
    /** OperationPage */
    OperationPage: {
      items: components['schemas']['Operation'][]
      /** @description Pass as `cursor` for the next page; null at the end */
      nextCursor: string | null
    }
    /** Platform */
    Platform: {
      /** Format: uuid */
      id: string
      carrierId: string
      name: string
      description: string
      state: components['schemas']['PlatformState']
      /** @description Settings; secret values are shown as "******" */
      config: {
        [key: string]: unknown
      }
      /** @description Secret fields that hold a value */
      secretsSet: string[]
      lastTest: components['schemas']['PlatformTest'] | null
      /** @description 定时同步: a sync job for all the platform’s cards every interval */
      syncSchedule: components['schemas']['SyncSchedule']
      /** Format: date-time */
      createdAt: string
      /** Format: date-time */
      updatedAt: string
    }
    /** PlatformList */
    PlatformList: {
      items: components['schemas']['Platform'][]
      total: number
      page: number
      pageSize: number
    }
    /** PlatformState */
    PlatformState: 'enabled' | 'disabled'
    /** PlatformTest */
    PlatformTest: {
      ok: boolean
      /** Format: date-time */
      at: string
      latencyMs: number
      detail: string | null
      error: {
        code: string
        message: string
      } | null
    }
    /** Readiness */
    Readiness: {
      /** @enum {string} */
      status: 'ready'
      database: 'embedded' | 'postgres'
    }
    /** Recharge */
    Recharge: {
      /** Format: uuid */
      id: string
      platform: {
        id: string
        name: string
        carrierId: string
      }
      accountId: string
      /** @description Amount in fen (1 元 = 100 fen) */
      amountFen: number
      /** @description Amount in 元 with two decimals, e.g. "12.50" */
      amount: string
      /** @enum {unknown} */
      paymentMethod: 'ALIPAY_WAP' | 'ALIPAY_WEB' | 'WEIXIN_JSAPI' | 'WEIXIN_NATIVE'
      /** @description The carrier's order number */
      orderNo: string
      /** @description Where the payer completes the payment */
      paymentUrl: string
      status: components['schemas']['RechargeStatus']
      /** @description Who settled the status: the carrier's answer, an administrator, or the link's lifetime */
      statusSource: ('carrier' | 'manual' | 'timeout') | null
      expiresAt: string | null
      paidAt: string | null
      checkedAt: string | null
      note: string | null
      createdBy: {
        id: string | null
        name: string
      }
      /** Format: date-time */
      createdAt: string
      /** Format: date-time */
      updatedAt: string
    }
    /** RechargePage */
    RechargePage: {
      items: components['schemas']['Recharge'][]
      total: number
      page: number
      pageSize: number
    }
    /**
     * RechargeStatus
     * @enum {unknown}
     */
    RechargeStatus: 'pending' | 'paid' | 'failed' | 'expired'
    /** Role */
    Role: 'admin' | 'operator' | 'viewer'
    /** SetPassword */
    SetPassword: {
      password: string
    }
    /**
     * StateAction
     * @enum {unknown}
     */
    StateAction: 'activate' | 'suspend' | 'resume'
    /** StopReason */
    StopReason: {
      /** @enum {unknown} */
      initiator: 'customer' | 'carrier' | 'unknown'
      block:
        | (
            | 'data_cap'
            | 'sms_cap'
            | 'data_cut'
            | 'expired'
            | 'balance'
            | 'imei_mismatch'
            | 'real_name'
            | 'pool_exhausted'
            | 'operator_admin'
            | 'dormant'
            | 'other'
          )
        | null
      text: string | null
      resumable: boolean
    }
    /** SyncSchedule */
    SyncSchedule: {
      enabled: boolean
      intervalMinutes: number
      /** @description Null while off, or until first due */
      nextSyncAt: string | null
    }
    /** SyncScheduleInput */
    SyncScheduleInput: {
      enabled?: boolean
      /** @description Minutes between syncs */
      intervalMinutes?: number
    }
    /**
     * SyncState
     * @enum {unknown}
     */
    SyncState: 'never' | 'waiting' | 'running' | 'ok' | 'failed'
    /** TestPlatform */
    TestPlatform: {
      /** @description A card to read as part of the test */
      sampleIccid?: string
    }
    /** UpdateCard */
    UpdateCard: {
      description?: string
      type?: components['schemas']['CardType']
      tags?: string[]
      expiresOn?: string | null
      imsi?: string | null
      imei?: string | null
      /**
       * Format: uuid
       * @description Move the card to another platform config of its carrier
       */
      platformId?: string
    }
    /** UpdateDevice */
    UpdateDevice: {
      name?: string
      product?: string | null
      state?: components['schemas']['DeviceState']
      /** Format: date-time */
      registeredAt?: string
    }
    /** UpdatePlatform */
    UpdatePlatform: {
      name?: string
      description?: string
      /** @description Only the fields to change. Secrets left out or sent as "******" keep their stored value; null clears an optional field. */
      config?: {
        [key: string]: unknown
      }
      syncSchedule?: components['schemas']['SyncScheduleInput']
    }
    /** UpdateUser */
    UpdateUser: {
      displayName?: string
      /** @description admin: everything; operator: card operations and recharges; viewer: read-only */
      role?: components['schemas']['Role']
      /** @description A disabled user cannot log in and is signed out at once */
      disabled?: boolean
    }
    /** UpsertDevices */
    UpsertDevices: {
      devices: components['schemas']['CreateDevice'][]
    }
    /** UpsertDevicesResult */
    UpsertDevicesResult: {
      created: number
      updated: number
    }
    /** User */
    User: {
      /** Format: uuid */
      id: string
      username: string
      displayName: string
      /** @description admin: everything; operator: card operations and recharges; viewer: read-only */
      role: components['schemas']['Role']
      disabled: boolean
      /** Format: date-time */
      createdAt: string
      /** Format: date-time */
      updatedAt: string
      lastLoginAt: string | null
    }
    /** UserList */
    UserList: {
      items: components['schemas']['User'][]
      total: number
      page: number
      pageSize: number
    }
  }
  responses: never
  parameters: never
  requestBodies: never
  headers: never
  pathItems: never
}
export type $defs = Record<string, never>
export interface operations {
  health: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Health']
        }
      }
    }
  }
  readiness: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Readiness']
        }
      }
      /** @description Unavailable */
      503: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  login: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['LoginRequest']
      }
    }
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['LoginResult']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Too many requests */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  logout: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description No content */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  getMe: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description role is the effective role: an API key may grant less than its owner has */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Me']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  changeOwnPassword: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePassword']
      }
    }
    responses: {
      /** @description No content */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  listUsers: {
    parameters: {
      query?: {
        /** @description Matches username or display name */
        q?: string
        /** @description admin: everything; operator: card operations and recharges; viewer: read-only */
        role?: 'admin' | 'operator' | 'viewer'
        disabled?: boolean
        page?: number
        pageSize?: number
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['UserList']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  createUser: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateUser']
      }
    }
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['User']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  getUser: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['User']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  deleteUser: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description No content */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  updateUser: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateUser']
      }
    }
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['User']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  resetUserPassword: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['SetPassword']
      }
    }
    responses: {
      /** @description No content */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  listApiKeys: {
    parameters: {
      query?: {
        /** @description Admins only: keys of this user */
        userId?: string
        includeRevoked?: boolean
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['ApiKeyList']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  createApiKey: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApiKey']
      }
    }
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['CreatedApiKey']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  revokeApiKey: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['ApiKey']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  listOperations: {
    parameters: {
      query?: {
        /** @description A card's number or ICCID (its records outlive the card) */
        card?: string
        action?: string
        actorId?: string
        targetType?: string
        targetId?: string
        result?: 'success' | 'failure'
        /** @description Records of the items of one bulk job */
        jobId?: string
        /** @description Inclusive lower bound */
        from?: string
        /** @description Exclusive upper bound */
        to?: string
        cursor?: string
        limit?: number
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['OperationPage']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  exportOperations: {
    parameters: {
      query?: {
        /** @description A card's number or ICCID (its records outlive the card) */
        card?: string
        action?: string
        actorId?: string
        targetType?: string
        targetId?: string
        result?: 'success' | 'failure'
        /** @description Records of the items of one bulk job */
        jobId?: string
        /** @description Inclusive lower bound */
        from?: string
        /** @description Exclusive upper bound */
        to?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description CSV, newest first */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/csv': string
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/csv': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/csv': components['schemas']['Error']
        }
      }
    }
  }
  listCarriers: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['CarrierList']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  listPlatforms: {
    parameters: {
      query?: {
        /** @description Matches the name */
        q?: string
        carrierId?: string
        state?: 'enabled' | 'disabled'
        page?: number
        pageSize?: number
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['PlatformList']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  createPlatform: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['CreatePlatform']
      }
    }
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Platform']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  getPlatform: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Platform']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  deletePlatform: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description No content */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  updatePlatform: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdatePlatform']
      }
    }
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Platform']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  enablePlatform: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Platform']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  disablePlatform: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Platform']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  testPlatform: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['TestPlatform']
      }
    }
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['PlatformTest']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  countCards: {
    parameters: {
      query?: {
        /** @description Identifier prefix (number, ICCID, IMSI) or words of the description / device id */
        q?: string
        /** @description Card number prefix */
        number?: string
        /** @description ICCID prefix */
        iccid?: string
        /** @description Bound device id */
        deviceId?: string
        /** @description true: bound to a device; false: unbound */
        bound?: boolean
        /** @description Platform configs (repeat the parameter for several) */
        platformId?: string[]
        /** @description Carriers */
        carrierId?: string[]
        /** @description Card types */
        type?: ('year' | 'season' | 'month' | 'other')[]
        /** @description Unified statuses */
        lifecycle?: (
          | 'unknown'
          | 'inventory'
          | 'test'
          | 'test_suspended'
          | 'ready'
          | 'active'
          | 'suspended'
          | 'pending_termination'
          | 'terminated'
        )[]
        /** @description Carrier statuses as carrierId:code (see /cards/carrier-statuses) */
        carrierStatus?: string[]
        /** @description Sync states */
        syncState?: ('never' | 'waiting' | 'running' | 'ok' | 'failed')[]
        /** @description Cards carrying all these tags */
        tag?: string[]
        /** @description Activation date, inclusive */
        activatedFrom?: string
        /** @description Activation date, exclusive */
        activatedTo?: string
        /** @description Update time, inclusive */
        updatedFrom?: string
        /** @description Update time, exclusive */
        updatedTo?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['CardCount']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  exportCards: {
    parameters: {
      query?: {
        /** @description Identifier prefix (number, ICCID, IMSI) or words of the description / device id */
        q?: string
        /** @description Card number prefix */
        number?: string
        /** @description ICCID prefix */
        iccid?: string
        /** @description Bound device id */
        deviceId?: string
        /** @description true: bound to a device; false: unbound */
        bound?: boolean
        /** @description Platform configs (repeat the parameter for several) */
        platformId?: string[]
        /** @description Carriers */
        carrierId?: string[]
        /** @description Card types */
        type?: ('year' | 'season' | 'month' | 'other')[]
        /** @description Unified statuses */
        lifecycle?: (
          | 'unknown'
          | 'inventory'
          | 'test'
          | 'test_suspended'
          | 'ready'
          | 'active'
          | 'suspended'
          | 'pending_termination'
          | 'terminated'
        )[]
        /** @description Carrier statuses as carrierId:code (see /cards/carrier-statuses) */
        carrierStatus?: string[]
        /** @description Sync states */
        syncState?: ('never' | 'waiting' | 'running' | 'ok' | 'failed')[]
        /** @description Cards carrying all these tags */
        tag?: string[]
        /** @description Activation date, inclusive */
        activatedFrom?: string
        /** @description Activation date, exclusive */
        activatedTo?: string
        /** @description Update time, inclusive */
        updatedFrom?: string
        /** @description Update time, exclusive */
        updatedTo?: string
        format?: 'csv' | 'xlsx'
        /** @description Header and label language */
        lang?: 'zh-CN' | 'en'
        /** @description Comma-separated card ids: export exactly these (the selection) instead of the filter */
        ids?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/csv': string
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/csv': components['schemas']['Error']
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/csv': components['schemas']['Error']
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': components['schemas']['Error']
        }
      }
    }
  }
  cardImportTemplate: {
    parameters: {
      query?: {
        format?: 'csv' | 'xlsx'
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/csv': string
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/csv': components['schemas']['Error']
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/csv': components['schemas']['Error']
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': components['schemas']['Error']
        }
      }
    }
  }
  importCards: {
    parameters: {
      query?: {
        platformId?: string
        /** @description Check every row and report; create nothing */
        dryRun?: boolean
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'multipart/form-data': {
          /**
           * Format: uuid
           * @description Platform of every row (before the file)
           */
          platformId?: string
          /**
           * @description Check only; create nothing
           * @enum {string}
           */
          dryRun?: 'true' | 'false'
          /**
           * Format: binary
           * @description csv (UTF-8 or GBK) or xlsx
           */
          file: string
        }
      }
    }
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['JobAccepted']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Request too large */
      413: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Unsupported content type */
      415: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  listCards: {
    parameters: {
      query?: {
        /** @description Identifier prefix (number, ICCID, IMSI) or words of the description / device id */
        q?: string
        /** @description Card number prefix */
        number?: string
        /** @description ICCID prefix */
        iccid?: string
        /** @description Bound device id */
        deviceId?: string
        /** @description true: bound to a device; false: unbound */
        bound?: boolean
        /** @description Platform configs (repeat the parameter for several) */
        platformId?: string[]
        /** @description Carriers */
        carrierId?: string[]
        /** @description Card types */
        type?: ('year' | 'season' | 'month' | 'other')[]
        /** @description Unified statuses */
        lifecycle?: (
          | 'unknown'
          | 'inventory'
          | 'test'
          | 'test_suspended'
          | 'ready'
          | 'active'
          | 'suspended'
          | 'pending_termination'
          | 'terminated'
        )[]
        /** @description Carrier statuses as carrierId:code (see /cards/carrier-statuses) */
        carrierStatus?: string[]
        /** @description Sync states */
        syncState?: ('never' | 'waiting' | 'running' | 'ok' | 'failed')[]
        /** @description Cards carrying all these tags */
        tag?: string[]
        /** @description Activation date, inclusive */
        activatedFrom?: string
        /** @description Activation date, exclusive */
        activatedTo?: string
        /** @description Update time, inclusive */
        updatedFrom?: string
        /** @description Update time, exclusive */
        updatedTo?: string
        sort?:
          | 'createdAt'
          | 'updatedAt'
          | 'number'
          | 'iccid'
          | 'device'
          | 'platform'
          | 'carrier'
          | 'type'
          | 'lifecycle'
          | 'carrierStatus'
          | 'syncState'
          | 'activatedAt'
          | 'totalBytes'
          | 'usedBytes'
          | 'remainingBytes'
        order?: 'asc' | 'desc'
        limit?: number
        /** @description nextCursor of the previous page */
        cursor?: string
        /** @description Page number (within the first 10,000 matches); or use cursor */
        page?: number
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['CardPage']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  createCard: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateCard']
      }
    }
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Card']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  validateCard: {
    parameters: {
      query?: {
        number?: string
        iccid?: string
        platformId?: string
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['CardIdentityCheck']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  listCardCarrierStatuses: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['CarrierStatusList']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  getCard: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Card']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  deleteCard: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description No content */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  updateCard: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateCard']
      }
    }
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Card']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  bindCardDevice: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['BindDevice']
      }
    }
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Card']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  unbindCardDevice: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Card']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  activateCard: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Card']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Too many requests */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description The carrier failed or could not be reached */
      502: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  suspendCard: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Card']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Too many requests */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description The carrier failed or could not be reached */
      502: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  resumeCard: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Card']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Too many requests */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description The carrier failed or could not be reached */
      502: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  syncCard: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Card']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Too many requests */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description The carrier failed or could not be reached */
      502: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  getCardStopReason: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['StopReason']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Too many requests */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description The carrier failed or could not be reached */
      502: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  listJobs: {
    parameters: {
      query?: {
        action?: 'activate' | 'suspend' | 'resume' | 'sync' | 'delete' | 'bind' | 'import'
        state?: 'staging' | 'queued' | 'running' | 'completed' | 'cancelled' | 'failed'
        origin?: 'request' | 'schedule'
        page?: number
        pageSize?: number
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['JobPage']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  createJob: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateJob']
      }
    }
    responses: {
      /** @description Default Response */
      202: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['JobAccepted']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  getJob: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Job']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  listJobItems: {
    parameters: {
      query?: {
        result?: 'pending' | 'ok' | 'skipped' | 'failed'
        page?: number
        pageSize?: number
      }
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['JobItemPage']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  exportJobItems: {
    parameters: {
      query?: {
        result?: 'pending' | 'ok' | 'skipped' | 'failed'
      }
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description CSV, UTF-8 with BOM */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/csv': string
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/csv': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/csv': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/csv': components['schemas']['Error']
        }
      }
    }
  }
  jobEvents: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description text/event-stream */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/event-stream': string
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/event-stream': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/event-stream': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'text/event-stream': components['schemas']['Error']
        }
      }
    }
  }
  cancelJob: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Job']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  listDevices: {
    parameters: {
      query?: {
        /** @description Prefix of the id or the name */
        q?: string
        product?: string
        state?: 'online' | 'offline' | 'disabled'
        /** @description true: devices without a card; false: devices holding one */
        unbound?: boolean
        page?: number
        pageSize?: number
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['DevicePage']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  upsertDevices: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['UpsertDevices']
      }
    }
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['UpsertDevicesResult']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  createDevice: {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateDevice']
      }
    }
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Device']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  getDevice: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Device']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  deleteDevice: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description No content */
      204: {
        headers: {
          [name: string]: unknown
        }
        content?: never
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  updateDevice: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateDevice']
      }
    }
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Device']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  listRecharges: {
    parameters: {
      query?: {
        platformId?: string
        accountId?: string
        orderNo?: string
        paymentMethod?: 'ALIPAY_WAP' | 'ALIPAY_WEB' | 'WEIXIN_JSAPI' | 'WEIXIN_NATIVE'
        status?: 'pending' | 'paid' | 'failed' | 'expired'
        /** @description Exact amount in 元 */
        amount?: string
        from?: string
        to?: string
        page?: number
        pageSize?: number
      }
      header?: never
      path?: never
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['RechargePage']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  createRecharge: {
    parameters: {
      query?: never
      header?: {
        /** @description Repeat a request with the same key to get the first order back instead of a second one */
        'idempotency-key'?: string
      }
      path?: never
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateRecharge']
      }
    }
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Recharge']
        }
      }
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Recharge']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Too many requests */
      429: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description The carrier failed or could not be reached */
      502: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  getRecharge: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Recharge']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  refreshRecharge: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody?: never
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Recharge']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
  confirmRecharge: {
    parameters: {
      query?: never
      header?: never
      path: {
        id: string
      }
      cookie?: never
    }
    requestBody: {
      content: {
        'application/json': components['schemas']['ConfirmRecharge']
      }
    }
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Recharge']
        }
      }
      /** @description Invalid input */
      400: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not authenticated */
      401: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not allowed for your role */
      403: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Not found */
      404: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
      /** @description Conflicts with the current state */
      409: {
        headers: {
          [name: string]: unknown
        }
        content: {
          'application/json': components['schemas']['Error']
        }
      }
    }
  }
}
