import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { contextOf } from '../http/auth.ts';
import { File, fromRows } from '../http/schema.ts';
import type { IntakeService } from './intake.ts';
import * as R from './replies.ts';
import * as S from './schemas.ts';
import type { CaseService } from './service.ts';

const tags = ['cases'];

export function caseRoutes(service: CaseService, intake: IntakeService): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });

    app.get(
      '/cases',
      {
        schema: {
          tags,
          summary: 'Cases the caller may see, one page at a time',
          description:
            'Newest first. The body is the page (a JSON array); when more cases follow, the `Link` header ' +
            '(rel="next") and `X-Next-Cursor` carry the cursor to pass as `cursor` with the same status and q.',
          querystring: S.CaseListQuery,
          response: { 200: S.CaseListReply },
        },
      },
      async (request, reply) => {
        const page = await service.list(contextOf(request), request.query);
        if (page.nextCursor) {
          const next = new URLSearchParams();
          for (const [k, v] of Object.entries(request.query))
            if (k !== 'cursor' && v !== undefined) next.set(k, String(v));
          next.set('cursor', page.nextCursor);
          reply
            .header('link', `</api/v1/cases?${next}>; rel="next"`)
            .header('x-next-cursor', page.nextCursor);
        }
        return page.items;
      },
    );
    app.post(
      '/cases',
      {
        schema: {
          tags,
          response: { 201: R.ReferralCreated },
          summary: 'Register a referral',
          body: S.NewReferralBody,
        },
      },
      async (request, reply) =>
        reply.code(201).send(await intake.createReferral(contextOf(request), request.body)),
    );
    app.get(
      '/case-overview',
      {
        schema: {
          tags,
          response: { 200: R.CaseOverview },
          summary: 'Connection deadlines, open tasks and recent alarms of the visible cases',
        },
      },
      async (request) => fromRows(await service.overview(contextOf(request))),
    );
    app.get(
      '/cases/:id',
      {
        schema: {
          tags,
          response: { 200: R.CaseDetail },
          summary: 'One case, with what the caller may do on it',
          params: S.CaseParams,
        },
      },
      async (request) => fromRows(await service.get(contextOf(request), request.params.id)),
    );
    app.get(
      '/cases/:id/timeline',
      {
        schema: {
          tags,
          response: { 200: R.CaseTimeline },
          summary: 'The case chronology, newest first',
          params: S.CaseParams,
          querystring: S.TimelineQuery,
        },
      },
      async (request) => service.timeline(contextOf(request), request.params.id, request.query),
    );
    app.post(
      '/cases/:id/transitions',
      {
        schema: {
          tags,
          response: { 200: R.Moved },
          summary: 'Move the case to another status',
          params: S.CaseParams,
          body: S.TransitionBody,
        },
      },
      async (request) => intake.transition(contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/screening',
      {
        schema: {
          tags,
          response: { 200: R.Version },
          summary: 'Record screening items',
          params: S.CaseParams,
          body: S.ScreeningBody,
        },
      },
      async (request) => intake.recordScreening(contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/decision/agreements',
      {
        schema: {
          tags,
          response: { 200: R.Agreed },
          summary: "Record a party's agreement",
          params: S.CaseParams,
          body: S.AgreementBody,
        },
      },
      async (request) => intake.agree(contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/decision',
      {
        schema: {
          tags,
          response: { 200: R.Decided },
          summary: 'Register the joint decision',
          params: S.CaseParams,
          body: S.DecisionBody,
        },
      },
      async (request) => intake.decide(contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/caseworker',
      {
        schema: {
          tags,
          response: { 200: R.Version },
          summary: 'Assign the caseworker',
          params: S.CaseParams,
          body: S.CaseworkerBody,
        },
      },
      async (request) => intake.assignCaseworker(contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/signalement',
      {
        schema: {
          tags,
          response: { 200: R.Version },
          summary: 'Record the signalement sent to the police',
          params: S.CaseParams,
          body: S.SignalementBody,
        },
      },
      async (request) => intake.recordSignalement(contextOf(request), request.params.id, request.body),
    );
    app.get(
      '/cases/:id/signalement/pdf',
      {
        schema: {
          tags,
          response: { 200: File('application/pdf', 'the signalement, marked VERTROUWELIJK') },
          summary: 'The signalement form as a PDF',
          params: S.CaseParams,
        },
      },
      async (request, reply) => {
        const { filename, pdf } = await service.signalementPdf(contextOf(request), request.params.id);
        return reply
          .headers({
            'content-type': 'application/pdf',
            'content-disposition': `attachment; filename="${filename}"`,
            'x-content-type-options': 'nosniff',
          })
          .send(Buffer.from(pdf));
      },
    );
    app.post(
      '/cases/:id/contract',
      {
        schema: {
          tags,
          response: { 200: R.Version },
          summary: 'Record the signed contract for use',
          params: S.CaseParams,
          body: S.ContractBody,
        },
      },
      async (request) => intake.recordContract(contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/privacy-statement',
      {
        schema: {
          tags,
          response: { 200: R.Version },
          summary: 'Record the privacy statement handed',
          params: S.CaseParams,
          body: S.PrivacyStatementBody,
        },
      },
      async (request) => intake.recordPrivacyStatement(contextOf(request), request.params.id, request.body),
    );
    app.post(
      '/cases/:id/contributions',
      {
        schema: {
          tags,
          response: { 201: R.Created },
          summary: "Add information from a party's own systems",
          params: S.CaseParams,
          body: S.ContributionBody,
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await intake.addContribution(contextOf(request), request.params.id, request.body)),
    );
    app.post(
      '/cases/:id/risk-assessments',
      {
        schema: {
          tags,
          response: { 201: R.Created },
          summary: 'Record a risk-instrument result',
          params: S.CaseParams,
          body: S.RiskAssessmentBody,
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send(await intake.addRiskAssessment(contextOf(request), request.params.id, request.body)),
    );
  };
}
