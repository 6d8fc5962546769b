import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { contextOf } from '../http/auth.ts';
import { File } from '../http/schema.ts';
import { bundleFileName } from './bundle.ts';
import type { EvidenceService } from './service.ts';

export function evidenceRoutes(service: EvidenceService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      '/alarms/:id/evidence',
      {
        schema: {
          tags: ['alarms'],
          summary:
            'Exports the alarm’s signed evidence bundle (lifecycle, raw frame, positions, who viewed the linked information, Dutch PDF, inclusion proofs against a signed audit checkpoint); audited. Verify offline with `npm run evidence:verify`',
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
          response: { 200: File('application/json', 'the bundle file, byte for byte as signed') },
        },
      },
      async (request, reply) => {
        const result = await service.exportAlarm(contextOf(request), request.params.id);
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="${bundleFileName(result.alarmId)}"`)
          .header('cache-control', 'no-store')
          .send(result.bundle);
      },
    );
  };
}
