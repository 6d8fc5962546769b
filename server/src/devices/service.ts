import { type Actor, decide, requireAccess } from '../access/index.ts';
import { audit } from '../audit/index.ts';
import { recordOnTimeline } from '../cases/timeline.ts';
import type { RequestContext } from '../context.ts';
import { parseKey } from '../crypto/aes-key.ts';
import type { SecretBox } from '../crypto/sealed.ts';
import { openPosition } from '../crypto/sealed-position.ts';
import type { Database } from '../db/index.ts';
import { conflict, invalid, notFound } from '../errors.ts';
import type { DeviceDirectory } from './directory.ts';
import * as repo from './repository.ts';

export interface DeviceInput {
  organisationId?: string;
  vendor: string;
  model: string;
  serial: string;
  imei?: string | null;
  simNumber?: string | null;
  protocol: 'dc09' | 'osmand' | 'webhook' | 'traccar';
  account: string;
  key?: string | null;
  rentPerQuarterCents: number;
  heartbeatIntervalSeconds: number;
}

export type DevicePatch = Partial<Omit<DeviceInput, 'organisationId'>> & {
  state?: repo.DeviceState;
  testMode?: boolean;
};

/** A device with a case must be issued; a device in stock has none. */
const STATES_WITH_CASE: ReadonlySet<string> = new Set(['issued']);

function deviceScope(actor: Actor) {
  const admin = actor.grants.some((g) => g.role === 'admin');
  if (admin) return { organisationIds: null, regionIds: null };
  const orgRoles = new Set(['coordinator', 'caseworker']);
  const organisationIds = actor.grants.filter((g) => orgRoles.has(g.role)).map((g) => g.organisationId);
  const regionIds = actor.grants.filter((g) => g.role === 'operator').map((g) => g.regionId);
  if (regionIds.length > 0 && organisationIds.length === 0) return { organisationIds: null, regionIds };
  return { organisationIds, regionIds: null };
}

export function createDeviceService(db: Database, secrets: SecretBox, directory: DeviceDirectory) {
  /** the device as the API shows it: last position opened, the key never */
  const view = ({ lastPositionSealed, ...device }: repo.DeviceRow) => ({
    ...device,
    lastPosition: openPosition(secrets, lastPositionSealed),
  });

  function sealKey(key: string | null | undefined, protocol: string): string | null | undefined {
    if (key === undefined) return undefined;
    if (key === null || key === '') return null;
    if (protocol !== 'dc09')
      throw invalid('key', 'only DC-09 devices take an encryption key', 'device.keyOnlyDc09');
    const parsed = parseKey(key);
    if (!parsed.ok) throw invalid('key', parsed.error, 'device.keyInvalid');
    return secrets.seal(key);
  }

  const uniqueViolation = (error: unknown) => {
    if ((error as { code?: string }).code === '23505') {
      const detail = String((error as { detail?: string; constraint?: string }).constraint ?? '');
      return detail.includes('serial')
        ? conflict('this vendor already has a device with this serial', 'device.serialExists', 'serial')
        : conflict(
            'another device already uses this protocol and account',
            'device.accountExists',
            'account',
          );
    }
    return error;
  };

  async function load(ctx: RequestContext, id: string, action: 'device.read' | 'device.manage') {
    const device = await repo.findDevice(db, id);
    if (!device) throw notFound('device');
    requireAccess(
      ctx.actor,
      action,
      { organisationId: device.organisationId, regionId: device.regionId },
      true,
    );
    return device;
  }

  return {
    async list(ctx: RequestContext, filter: { state?: string; q?: string }) {
      requireAccess(ctx.actor, 'device.read');
      return (await repo.listDevices(db, { ...deviceScope(ctx.actor), ...filter })).map(view);
    },

    get: async (ctx: RequestContext, id: string) => view(await load(ctx, id, 'device.read')),

    async create(ctx: RequestContext, input: DeviceInput) {
      requireAccess(ctx.actor, 'device.manage');
      const organisationId =
        input.organisationId ??
        ctx.actor.grants.find((g) => g.role === 'coordinator' || g.role === 'admin')?.organisationId;
      if (!organisationId) throw invalid('organisationId', 'is required', 'required');
      const regionId = await repo.regionOfOrganisation(db, organisationId);
      // an organisation out of reach is answered like an unknown one: ids of other regions stay unconfirmed
      if (!regionId || !decide(ctx.actor, 'device.manage', { organisationId, regionId }).allowed) {
        throw invalid('organisationId', 'is not a known organisation', 'organisation.unknown');
      }
      const keySealed = sealKey(input.key, input.protocol) ?? null;
      const id = await db
        .transaction(async (tx) => {
          const deviceId = await repo.insertDevice(tx, {
            organisationId,
            vendor: input.vendor,
            model: input.model,
            serial: input.serial,
            imei: input.imei ?? null,
            simNumber: input.simNumber ?? null,
            protocol: input.protocol,
            account: input.account,
            keySealed,
            rentPerQuarterCents: input.rentPerQuarterCents,
            heartbeatIntervalSeconds: input.heartbeatIntervalSeconds,
          });
          await audit(tx, ctx, {
            action: 'device.create',
            access: 'write',
            recordType: 'device',
            recordId: deviceId,
          });
          return deviceId;
        })
        .catch((error) => {
          throw uniqueViolation(error);
        });
      directory.invalidate();
      return view((await repo.findDevice(db, id))!);
    },

    async update(ctx: RequestContext, id: string, patch: DevicePatch) {
      const device = await load(ctx, id, 'device.manage');
      if (patch.state && device.caseId && !STATES_WITH_CASE.has(patch.state)) {
        throw invalid('state', 'unassign the device from its case first', 'device.unassignFirst');
      }
      if (patch.state === 'issued' && !device.caseId)
        throw invalid('state', 'assign the device to a case to issue it', 'device.assignToIssue');
      const { key, ...rest } = patch;
      const keySealed = sealKey(key, patch.protocol ?? device.protocol);
      await db
        .transaction(async (tx) => {
          await repo.updateDevice(tx, id, { ...rest, keySealed });
          await audit(tx, ctx, {
            action: 'device.update',
            access: 'write',
            recordType: 'device',
            recordId: id,
            details: {
              fields: Object.keys(patch)
                .filter((k) => k !== 'key')
                .concat(key !== undefined ? ['key'] : []),
            },
          });
        })
        .catch((error) => {
          throw uniqueViolation(error);
        });
      directory.invalidate();
      return view((await repo.findDevice(db, id))!);
    },

    async assign(ctx: RequestContext, id: string, caseId: string) {
      const device = await load(ctx, id, 'device.manage');
      if (device.caseId)
        throw conflict('the device is already assigned to a case', 'device.alreadyAssigned', 'caseId');
      if (!['in_stock', 'returned'].includes(device.state)) {
        throw invalid(
          'state',
          `a device that is ${device.state} cannot be assigned`,
          'device.stateCannotAssign',
          {
            state: device.state,
          },
        );
      }
      if ((await repo.regionOfCase(db, caseId)) !== device.regionId) {
        throw invalid('caseId', 'is not a case in the region of this device', 'device.caseNotInRegion');
      }
      await db.transaction(async (tx) => {
        await repo.openAssignment(tx, id, caseId, ctx.actor.id);
        await repo.updateDevice(tx, id, { caseId, state: 'issued' });
        await audit(tx, ctx, {
          action: 'device.assign',
          access: 'write',
          recordType: 'device',
          recordId: id,
          details: { caseId },
        });
        await recordOnTimeline(tx, {
          caseId,
          kind: 'device',
          summary: `Apparaat uitgegeven: ${device.serial}${device.testMode ? ' (testmodus)' : ''}`,
          message: {
            code: device.testMode ? 'deviceIssuedTest' : 'deviceIssued',
            params: { serial: device.serial },
          },
          actorLabel: ctx.actor.label,
          refType: 'device',
          refId: id,
        });
      });
      directory.invalidate();
      return view((await repo.findDevice(db, id))!);
    },

    async unassign(ctx: RequestContext, id: string) {
      const device = await load(ctx, id, 'device.manage');
      if (!device.caseId) throw conflict('the device is not assigned to a case', 'device.notAssigned');
      await db.transaction(async (tx) => {
        await repo.closeAssignment(tx, id, ctx.actor.id);
        await repo.updateDevice(tx, id, { caseId: null, state: 'returned', testMode: false });
        await audit(tx, ctx, {
          action: 'device.unassign',
          access: 'write',
          recordType: 'device',
          recordId: id,
          details: { caseId: device.caseId },
        });
        await recordOnTimeline(tx, {
          caseId: device.caseId!,
          kind: 'device',
          summary: `Apparaat ingenomen: ${device.serial}`,
          message: { code: 'deviceReturned', params: { serial: device.serial } },
          actorLabel: ctx.actor.label,
          refType: 'device',
          refId: id,
        });
      });
      directory.invalidate();
      return view((await repo.findDevice(db, id))!);
    },

    async assignments(ctx: RequestContext, id: string) {
      await load(ctx, id, 'device.read');
      return repo.listAssignments(db, id);
    },
  };
}

export type DeviceService = ReturnType<typeof createDeviceService>;
